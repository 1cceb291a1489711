// A VFS for the store's tests: SQLite's default one, with every file's syncs counted, and the
// writes to write-ahead logs counted and, on demand, refused as a full disk would (SQLITE_FULL).
// It is the default VFS while it lives (the store's own log VFS passes its files' calls on to
// the default one, so they pass through this too).
#pragma once

#include <sqlite3.h>

#include <cstring>
#include <stdexcept>

namespace redline::testing {

class WatchingVfs {
 public:
  WatchingVfs() {
    real_ = sqlite3_vfs_find(nullptr);
    vfs_ = *real_;
    vfs_.zName = "redline-test-watching";
    vfs_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
    vfs_.pAppData = this;
    vfs_.xOpen = &WatchingVfs::open;
    methods_.iVersion = 3;
    methods_.xClose = [](sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); };
    methods_.xRead = [](sqlite3_file* f, void* p, int n, sqlite3_int64 o) {
      return real(f)->pMethods->xRead(real(f), p, n, o);
    };
    methods_.xWrite = [](sqlite3_file* f, const void* p, int n, sqlite3_int64 o) {
      auto* file = reinterpret_cast<File*>(f);
      if (file->log) {
        ++file->owner->log_writes;
        if (file->owner->refuse_log_writes) return SQLITE_FULL;
      }
      return real(f)->pMethods->xWrite(real(f), p, n, o);
    };
    methods_.xTruncate = [](sqlite3_file* f, sqlite3_int64 n) {
      return real(f)->pMethods->xTruncate(real(f), n);
    };
    methods_.xSync = [](sqlite3_file* f, int flags) {
      ++reinterpret_cast<File*>(f)->owner->syncs;
      return real(f)->pMethods->xSync(real(f), flags);
    };
    methods_.xFileSize = [](sqlite3_file* f, sqlite3_int64* n) {
      return real(f)->pMethods->xFileSize(real(f), n);
    };
    methods_.xLock = [](sqlite3_file* f, int l) { return real(f)->pMethods->xLock(real(f), l); };
    methods_.xUnlock = [](sqlite3_file* f, int l) {
      return real(f)->pMethods->xUnlock(real(f), l);
    };
    methods_.xCheckReservedLock = [](sqlite3_file* f, int* out) {
      return real(f)->pMethods->xCheckReservedLock(real(f), out);
    };
    methods_.xFileControl = [](sqlite3_file* f, int op, void* arg) {
      return real(f)->pMethods->xFileControl(real(f), op, arg);
    };
    methods_.xSectorSize = [](sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); };
    methods_.xDeviceCharacteristics = [](sqlite3_file* f) {
      return real(f)->pMethods->xDeviceCharacteristics(real(f));
    };
    methods_.xShmMap = [](sqlite3_file* f, int region, int size, int extend, void volatile** p) {
      return real(f)->pMethods->xShmMap(real(f), region, size, extend, p);
    };
    methods_.xShmLock = [](sqlite3_file* f, int offset, int n, int flags) {
      return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
    };
    methods_.xShmBarrier = [](sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); };
    methods_.xShmUnmap = [](sqlite3_file* f, int del) {
      return real(f)->pMethods->xShmUnmap(real(f), del);
    };
    methods_.xFetch = [](sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
      return real(f)->pMethods->xFetch(real(f), o, n, p);
    };
    methods_.xUnfetch = [](sqlite3_file* f, sqlite3_int64 o, void* p) {
      return real(f)->pMethods->xUnfetch(real(f), o, p);
    };
    if (sqlite3_vfs_register(&vfs_, 1) != SQLITE_OK) throw std::runtime_error("vfs_register");
  }
  ~WatchingVfs() {
    sqlite3_vfs_register(real_, 1);
    sqlite3_vfs_unregister(&vfs_);
  }
  WatchingVfs(const WatchingVfs&) = delete;
  WatchingVfs& operator=(const WatchingVfs&) = delete;

  int syncs = 0;                   // of any file
  int log_writes = 0;              // to write-ahead logs
  bool refuse_log_writes = false;  // answer them SQLITE_FULL

 private:
  struct File {
    sqlite3_file base;
    WatchingVfs* owner;
    bool log;
  };
  static sqlite3_file* real(sqlite3_file* f) {
    return reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + sizeof(File));
  }
  static int open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* f, int flags, int* out) {
    auto* self = static_cast<WatchingVfs*>(vfs->pAppData);
    auto* file = reinterpret_cast<File*>(f);
    std::memset(file, 0, sizeof(File));
    file->owner = self;
    file->log = (flags & SQLITE_OPEN_WAL) != 0;
    const int rc = self->real_->xOpen(self->real_, name, real(f), flags, out);
    // The unix VFS's files have version 3 methods; anything less is not what this wraps.
    if (rc == SQLITE_OK && real(f)->pMethods && real(f)->pMethods->iVersion >= 3)
      file->base.pMethods = &self->methods_;
    else if (rc == SQLITE_OK)
      return SQLITE_CANTOPEN;
    return rc;
  }

  sqlite3_vfs* real_ = nullptr;
  sqlite3_vfs vfs_{};
  sqlite3_io_methods methods_{};
};

}  // namespace redline::testing
