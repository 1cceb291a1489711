#include "db/log_vfs.h"

#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <new>
#include <vector>

namespace redline::sqlite {
namespace {

// Below 128 KiB: SQLite's unix VFS writes at most 2^17 - 1 bytes a call (it masks the length),
// and fails a longer write as a full disk.
constexpr std::size_t kBuffer = 120 * 1024;
constexpr int kFrameHeader = 24;  // a log frame's header; SQLite writes it apart from its page

struct File {
  sqlite3_file base;  // base.pMethods: kMethods
  sqlite3_file* real = nullptr;
  File* log = nullptr;       // a database file: its log, while open (the barrier flushes it)
  const char* db = nullptr;  // a database file: its name, as SQLite passed it (the map's key)
  bool is_log = false;       // a write-ahead log: writes are gathered
  bool commit_next = false;  // the last write was a commit frame's header
  sqlite3_int64 at = 0;      // where buffer[0] goes
  std::vector<char> buffer;  // gathered writes, not yet in the file
};

// Database files by name pointer, to link a log to its database when the log opens (both are
// opened by one pager, whose log name sqlite3_filename_database maps to the database's name).
std::mutex g_mutex;
std::map<const char*, File*> g_databases;

File* file_of(sqlite3_file* f) {
  return reinterpret_cast<File*>(f);
}
sqlite3_file* real_of(sqlite3_file* f) {
  return file_of(f)->real;
}

// Writes what the file has gathered (only a log gathers; for any other file, nothing to do).
int flush(File* f) {
  if (f->buffer.empty()) return SQLITE_OK;
  const int rc = f->real->pMethods->xWrite(f->real, f->buffer.data(),
                                           static_cast<int>(f->buffer.size()), f->at);
  f->buffer.clear();
  return rc;
}

int x_close(sqlite3_file* f) {
  File* file = file_of(f);
  int rc = flush(file);
  {
    const std::lock_guard lock(g_mutex);
    if (file->db) g_databases.erase(file->db);
    if (file->is_log) {
      for (auto& [name, db] : g_databases) {
        if (db->log == file) db->log = nullptr;
      }
    }
  }
  const int closed = file->real->pMethods ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
  if (rc == SQLITE_OK) rc = closed;
  sqlite3_free(file->real);
  file->~File();
  return rc;
}

int x_read(sqlite3_file* f, void* out, int n, sqlite3_int64 offset) {
  File* file = file_of(f);
  if (const int rc = flush(file); rc != SQLITE_OK) return rc;
  return file->real->pMethods->xRead(file->real, out, n, offset);
}

int x_write(sqlite3_file* f, const void* data, int n, sqlite3_int64 offset) {
  File* file = file_of(f);
  if (!file->is_log) return file->real->pMethods->xWrite(file->real, data, n, offset);
  const auto size = static_cast<std::size_t>(n);
  const bool follows = offset == file->at + static_cast<sqlite3_int64>(file->buffer.size());
  if (!follows || file->buffer.size() + size > kBuffer) {
    if (const int rc = flush(file); rc != SQLITE_OK) return rc;
  }
  if (file->buffer.empty()) file->at = offset;
  const bool commit_page = file->commit_next;
  // A frame header whose second word (the database's size after the commit) is not zero: the
  // next write, its page, completes a transaction.
  const auto* bytes = static_cast<const unsigned char*>(data);
  file->commit_next = n == kFrameHeader && (bytes[4] | bytes[5] | bytes[6] | bytes[7]) != 0;
  if (size >= kBuffer) return file->real->pMethods->xWrite(file->real, data, n, offset);
  file->buffer.insert(file->buffer.end(), bytes, bytes + size);
  return commit_page ? flush(file) : SQLITE_OK;
}

int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  File* file = file_of(f);
  if (const int rc = flush(file); rc != SQLITE_OK) return rc;
  return file->real->pMethods->xTruncate(file->real, size);
}

int x_sync(sqlite3_file* f, int flags) {
  File* file = file_of(f);
  if (const int rc = flush(file); rc != SQLITE_OK) return rc;
  return file->real->pMethods->xSync(file->real, flags);
}

int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
  File* file = file_of(f);
  if (const int rc = flush(file); rc != SQLITE_OK) return rc;
  return file->real->pMethods->xFileSize(file->real, size);
}

int x_lock(sqlite3_file* f, int level) {
  return real_of(f)->pMethods->xLock(real_of(f), level);
}
int x_unlock(sqlite3_file* f, int level) {
  return real_of(f)->pMethods->xUnlock(real_of(f), level);
}
int x_check_reserved_lock(sqlite3_file* f, int* out) {
  return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}

int x_file_control(sqlite3_file* f, int op, void* arg) {
  File* file = file_of(f);
  if (const int rc = flush(file); rc != SQLITE_OK) return rc;
  return file->real->pMethods->xFileControl(file->real, op, arg);
}

int x_sector_size(sqlite3_file* f) {
  return real_of(f)->pMethods->xSectorSize(real_of(f));
}
int x_device_characteristics(sqlite3_file* f) {
  return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
}
int x_shm_map(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return real_of(f)->pMethods->xShmMap(real_of(f), region, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
}
// A commit is made visible to other connections behind a barrier. Its frames were written when
// its commit frame was; should SQLite ever write a frame otherwise, they are written here at the
// latest, before anyone can read them.
void x_shm_barrier(sqlite3_file* f) {
  File* file = file_of(f);
  if (file->log) flush(file->log);
  file->real->pMethods->xShmBarrier(file->real);
}
int x_shm_unmap(sqlite3_file* f, int remove) {
  return real_of(f)->pMethods->xShmUnmap(real_of(f), remove);
}
int x_fetch(sqlite3_file* f, sqlite3_int64 offset, int n, void** out) {
  return real_of(f)->pMethods->xFetch(real_of(f), offset, n, out);
}
int x_unfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) {
  return real_of(f)->pMethods->xUnfetch(real_of(f), offset, p);
}

const sqlite3_io_methods kMethods = {3,
                                     x_close,
                                     x_read,
                                     x_write,
                                     x_truncate,
                                     x_sync,
                                     x_file_size,
                                     x_lock,
                                     x_unlock,
                                     x_check_reserved_lock,
                                     x_file_control,
                                     x_sector_size,
                                     x_device_characteristics,
                                     x_shm_map,
                                     x_shm_lock,
                                     x_shm_barrier,
                                     x_shm_unmap,
                                     x_fetch,
                                     x_unfetch};

// The default VFS as it is now (a test may have wrapped SQLite's own since).
sqlite3_vfs* underlying() {
  return sqlite3_vfs_find(nullptr);
}

int v_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
  sqlite3_vfs* vfs = underlying();
  auto* file = new (f) File{};
  file->base.pMethods = nullptr;  // until the real file is open: SQLite then never closes it
  file->real = static_cast<sqlite3_file*>(sqlite3_malloc(vfs->szOsFile));
  if (!file->real) {
    file->~File();
    f->pMethods = nullptr;
    return SQLITE_NOMEM;
  }
  std::memset(file->real, 0, static_cast<std::size_t>(vfs->szOsFile));
  const int rc = vfs->xOpen(vfs, name, file->real, flags, out_flags);
  // Version 3 methods (shared memory, memory maps) are what this passes on.
  if (rc != SQLITE_OK || !file->real->pMethods || file->real->pMethods->iVersion < 3) {
    if (rc == SQLITE_OK && file->real->pMethods) file->real->pMethods->xClose(file->real);
    sqlite3_free(file->real);
    file->~File();
    f->pMethods = nullptr;
    return rc == SQLITE_OK ? SQLITE_CANTOPEN : rc;
  }
  file->base.pMethods = &kMethods;
  if (name && (flags & SQLITE_OPEN_MAIN_DB)) {
    file->db = name;
    const std::lock_guard lock(g_mutex);
    g_databases[name] = file;
  } else if (name && (flags & SQLITE_OPEN_WAL)) {
    file->is_log = true;
    file->buffer.reserve(kBuffer);
    const std::lock_guard lock(g_mutex);
    const auto db = g_databases.find(sqlite3_filename_database(name));
    if (db != g_databases.end()) db->second->log = file;
  }
  return SQLITE_OK;
}

int v_delete(sqlite3_vfs*, const char* name, int sync) {
  return underlying()->xDelete(underlying(), name, sync);
}
int v_access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return underlying()->xAccess(underlying(), name, flags, out);
}
int v_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) {
  return underlying()->xFullPathname(underlying(), name, n, out);
}
void* v_dl_open(sqlite3_vfs*, const char* name) {
  return underlying()->xDlOpen(underlying(), name);
}
void v_dl_error(sqlite3_vfs*, int n, char* out) {
  underlying()->xDlError(underlying(), n, out);
}
void (*v_dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
  return underlying()->xDlSym(underlying(), handle, symbol);
}
void v_dl_close(sqlite3_vfs*, void* handle) {
  underlying()->xDlClose(underlying(), handle);
}
int v_randomness(sqlite3_vfs*, int n, char* out) {
  return underlying()->xRandomness(underlying(), n, out);
}
int v_sleep(sqlite3_vfs*, int micros) {
  return underlying()->xSleep(underlying(), micros);
}
int v_current_time(sqlite3_vfs*, double* out) {
  return underlying()->xCurrentTime(underlying(), out);
}
int v_get_last_error(sqlite3_vfs*, int n, char* out) {
  return underlying()->xGetLastError(underlying(), n, out);
}
int v_current_time_int64(sqlite3_vfs*, sqlite3_int64* out) {
  sqlite3_vfs* vfs = underlying();
  if (vfs->iVersion >= 2 && vfs->xCurrentTimeInt64) return vfs->xCurrentTimeInt64(vfs, out);
  double days = 0;
  const int rc = vfs->xCurrentTime(vfs, &days);
  *out = static_cast<sqlite3_int64>(days * 86400000.0);
  return rc;
}

}  // namespace

const char* log_batching_vfs() {
  static const char* const name = []() -> const char* {
    static sqlite3_vfs vfs{};
    sqlite3_vfs* base = underlying();
    if (!base) return nullptr;
    vfs.iVersion = 2;
    vfs.szOsFile = static_cast<int>(sizeof(File));
    vfs.mxPathname = base->mxPathname;
    vfs.zName = "redline-log-batching";
    vfs.xOpen = v_open;
    vfs.xDelete = v_delete;
    vfs.xAccess = v_access;
    vfs.xFullPathname = v_full_pathname;
    vfs.xDlOpen = v_dl_open;
    vfs.xDlError = v_dl_error;
    vfs.xDlSym = v_dl_sym;
    vfs.xDlClose = v_dl_close;
    vfs.xRandomness = v_randomness;
    vfs.xSleep = v_sleep;
    vfs.xCurrentTime = v_current_time;
    vfs.xGetLastError = v_get_last_error;
    vfs.xCurrentTimeInt64 = v_current_time_int64;
    return sqlite3_vfs_register(&vfs, 0) == SQLITE_OK ? vfs.zName : nullptr;
  }();
  return name;
}

}  // namespace redline::sqlite
