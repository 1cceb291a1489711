#include "daemon/classify_job.h"

#include <algorithm>

namespace redline {

ClassifyJob::ClassifyJob(std::shared_ptr<Pipeline> p, std::vector<ClassifiedRevision> b)
    : pipeline(std::move(p)), batch(std::move(b)) {
  classify_ = [pipeline = pipeline.get()](std::vector<ClassifiedRevision>& revisions,
                                          std::size_t from, std::size_t to) {
    pipeline->classify_range(revisions, from, to);
  };
}

ClassifyJob::ClassifyJob(std::vector<ClassifiedRevision> b, Classify classify)
    : batch(std::move(b)), classify_(std::move(classify)) {}

ClassifyJob::Took ClassifyJob::run_chunk(std::size_t chunk) {
  const std::size_t size = batch.size();
  const std::size_t from = next_.fetch_add(chunk);
  if (from >= size) return Took::nothing;
  const std::size_t to = std::min(size, from + chunk);
  std::size_t finished = to - from;
  try {
    classify_(batch, from, to);
  } catch (...) {
    {
      const std::lock_guard lock(failure_mutex_);
      if (!failure) failure = std::current_exception();
    }
    // Nobody takes the rest; it counts as finished, so the batch still completes once.
    const std::size_t untaken = next_.exchange(size);
    if (untaken < size) finished += size - untaken;
  }
  // acq_rel: the thread that completes the batch sees every other thread's results.
  return done_.fetch_add(finished, std::memory_order_acq_rel) + finished == size ? Took::last
                                                                                 : Took::chunk;
}

}  // namespace redline
