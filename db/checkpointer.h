// Checkpoints of a write-ahead log on a thread of their own. SQLite's automatic checkpoint runs
// inside the commit that crosses its threshold, on the thread that committed: in a cold poll of
// a thousand feeds, four checkpoints took a fifth of the database thread's commit time, copying
// pages while fetch results and classifications waited (issue #8). Here a commit past the
// threshold only wakes a thread that copies the log into the database through a connection of
// its own (a PASSIVE checkpoint: it never blocks the writer, nor waits for it).
#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace redline::sqlite {

class Checkpointer {
 public:
  // Takes over `writer`'s commit hook (sqlite3_wal_hook) and turns its automatic checkpoint
  // off. `writer` must outlive this object; destroy this first.
  Checkpointer(sqlite3* writer, std::string path, int threshold_frames);
  // Stops the thread once any checkpoint it runs is done, and closes its connection.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Checkpoints run so far, on the thread and on the writer (after a failure there), for tests.
  int checkpoints() const;
  // No checkpoint wanted or running: the last one began after the last commit that asked for
  // one, and copied what the log held then (for tests).
  bool idle() const;
  // Whether the thread has given up (it could not open or checkpoint the database): the
  // writer then checkpoints after its commits itself, as SQLite's own checkpoint did.
  bool failed() const;

 private:
  static int on_commit(void* self, sqlite3* db, const char* schema, int frames);
  void run();
  bool checkpoint_on_thread();

  sqlite3* writer_;
  const std::string path_;
  const int threshold_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool wanted_ = false;
  bool running_ = false;  // the thread is checkpointing
  bool stopping_ = false;
  bool failed_ = false;
  int checkpoints_ = 0;
  sqlite3* own_ = nullptr;  // the thread's connection, opened on its first checkpoint
  std::thread thread_;      // started on the first commit past the threshold
};

}  // namespace redline::sqlite
