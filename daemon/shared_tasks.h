// Tasks that whichever thread is free runs, oldest first: the service's worker runs one per
// job posted to it, and the loop's thread takes one whenever it has nothing else to do. Feed
// documents are decoded and parsed this way, so a cold start's burst of responses keeps both
// cores busy instead of queueing behind the worker while the loop waits for results.
#pragma once

#include <deque>
#include <functional>
#include <mutex>

namespace redline {

class SharedTasks {
 public:
  using Task = std::function<void()>;

  void push(Task task);
  // Runs the oldest task on the calling thread; false when there was none. A task runs once,
  // on exactly one of the threads that ask; what it throws reaches that thread's caller.
  bool run_one();
  bool empty() const;

 private:
  mutable std::mutex mutex_;
  std::deque<Task> tasks_;
};

}  // namespace redline
