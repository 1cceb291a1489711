#include "daemon/shared_tasks.h"

#include <utility>

namespace redline {

void SharedTasks::push(Task task) {
  const std::lock_guard lock(mutex_);
  tasks_.push_back(std::move(task));
}

bool SharedTasks::run_one() {
  Task task;
  {
    const std::lock_guard lock(mutex_);
    if (tasks_.empty()) return false;
    task = std::move(tasks_.front());
    tasks_.pop_front();
  }
  task();
  return true;
}

bool SharedTasks::empty() const {
  const std::lock_guard lock(mutex_);
  return tasks_.empty();
}

}  // namespace redline
