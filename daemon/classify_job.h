// A batch of revisions that several threads classify together, a chunk at a time: the
// service's worker, and the loop's thread whenever it has nothing else to do (a cold start's
// burst keeps the worker busy long after the loop has stored what it fetched). Exactly one
// taker, the one that finishes the last outstanding chunk, is told the batch is done.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "daemon/pipeline.h"

namespace redline {

class ClassifyJob {
 public:
  // Revisions per chunk: under a millisecond of classifying on text the pattern lists have seen
  // before, a few on new text; that is how long a fetch result may wait while the loop's thread
  // helps.
  static constexpr std::size_t kChunk = 16;
  // Revisions per chunk for a thread that has nothing else to do (the worker): the classifier
  // runs each pattern list over a chunk's items in a row, so a list's DFA stays in the
  // processor's caches for the whole chunk. On varied text the DFAs hold tens of MB, and a cold
  // poll with chunks of 512 (in batches of 1,024) took 11-13 % less wall time than with chunks
  // of 128 (in batches of 512); on generated text, whose DFAs are small, it made no difference
  // (issue #8).
  static constexpr std::size_t kWorkerChunk = 512;

  // Classifies with pipeline->classify_range. `batch` is not empty.
  ClassifyJob(std::shared_ptr<Pipeline> pipeline, std::vector<ClassifiedRevision> batch);
  // Classifies with `classify` (any function that fills batch[from, to)); no pipeline.
  using Classify =
      std::function<void(std::vector<ClassifiedRevision>& batch, std::size_t from, std::size_t to)>;
  ClassifyJob(std::vector<ClassifiedRevision> batch, Classify classify);

  enum class Took {
    nothing,  // every chunk is taken (or the batch failed)
    chunk,    // classified a chunk; others are still out
    last,     // classified the chunk that completed the batch: report it
  };
  // Classifies the next chunk (of up to `chunk` revisions) on the calling thread. A classifier
  // that throws fails the batch: the chunks not yet taken are given up, and `failure` holds the
  // first exception.
  Took run_chunk(std::size_t chunk = kChunk);

  const std::shared_ptr<Pipeline> pipeline;
  std::vector<ClassifiedRevision> batch;
  std::exception_ptr failure;  // read once run_chunk returned `last`

 private:
  Classify classify_;
  std::atomic<std::size_t> next_{0};  // first revision not taken
  std::atomic<std::size_t> done_{0};  // revisions classified or given up
  std::mutex failure_mutex_;
};

}  // namespace redline
