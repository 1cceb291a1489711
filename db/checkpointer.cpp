#include "db/checkpointer.h"

#include <system_error>

namespace redline::sqlite {

Checkpointer::Checkpointer(sqlite3* writer, std::string path, int threshold_frames)
    : writer_(writer), path_(std::move(path)), threshold_(threshold_frames) {
  sqlite3_wal_autocheckpoint(writer_, 0);  // removes SQLite's own hook; this one replaces it
  sqlite3_wal_hook(writer_, &Checkpointer::on_commit, this);
}

Checkpointer::~Checkpointer() {
  sqlite3_wal_hook(writer_, nullptr, nullptr);
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
  if (own_) sqlite3_close_v2(own_);
}

int Checkpointer::checkpoints() const {
  const std::lock_guard lock(mutex_);
  return checkpoints_;
}

bool Checkpointer::idle() const {
  const std::lock_guard lock(mutex_);
  return !wanted_ && !running_;
}

bool Checkpointer::failed() const {
  const std::lock_guard lock(mutex_);
  return failed_;
}

// Runs on the writer's thread, after each commit, with the frames the log now holds. Whatever
// goes wrong here, the commit has happened: SQLITE_OK always.
int Checkpointer::on_commit(void* p, sqlite3* db, const char* schema, int frames) {
  auto* self = static_cast<Checkpointer*>(p);
  if (frames < self->threshold_) return SQLITE_OK;
  std::unique_lock lock(self->mutex_);
  if (!self->failed_ && !self->thread_.joinable()) {
    try {
      self->thread_ = std::thread([self] { self->run(); });
    } catch (const std::system_error&) {
      self->failed_ = true;
    }
  }
  if (self->failed_) {
    ++self->checkpoints_;
    lock.unlock();
    sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    return SQLITE_OK;
  }
  self->wanted_ = true;
  lock.unlock();
  self->wake_.notify_one();
  return SQLITE_OK;
}

void Checkpointer::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return wanted_ || stopping_; });
    if (stopping_) return;
    wanted_ = false;
    running_ = true;
    lock.unlock();
    const bool ok = checkpoint_on_thread();
    lock.lock();
    running_ = false;
    ++checkpoints_;
    if (!ok) {
      failed_ = true;  // the writer checkpoints from now on
      return;
    }
  }
}

// A PASSIVE checkpoint, repeated while the writer added frames during the last one (a few
// rounds at most: each copies only what came in meanwhile). A log copied to its end is started
// afresh by the writer's next transaction; one that never is would grow for as long as the
// writer is busy.
bool Checkpointer::checkpoint_on_thread() {
  if (!own_) {
    // No SQLITE_OPEN_CREATE: the database is the writer's, and exists.
    if (sqlite3_open_v2(path_.c_str(), &own_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK)
      return false;
    // A read opens the log (a checkpoint on a connection that has read nothing may not).
    if (sqlite3_exec(own_, "PRAGMA cache_size=16; SELECT count(*) FROM sqlite_schema", nullptr,
                     nullptr, nullptr) != SQLITE_OK)
      return false;
  }
  constexpr int kRounds = 8;
  for (int round = 0; round < kRounds; ++round) {
    int log = 0, copied = 0;
    const int rc =
        sqlite3_wal_checkpoint_v2(own_, "main", SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
    if (rc == SQLITE_BUSY) return true;  // another checkpoint runs (a tool's): it copies
    if (rc != SQLITE_OK) return false;
    if (copied >= log) return true;
  }
  return true;
}

}  // namespace redline::sqlite
