#pragma once
// Runs work(worker, i) for i in [0, count) on `jobs` threads. Each thread
// makes its own worker state (a parser, say) so nothing mutable is shared;
// results go to slot i of a caller-owned vector, so order never depends on
// scheduling. The first exception thrown by any task is rethrown here.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace cutover {

// The thread count `--jobs N` asks for: N, or one per core for 0.
inline unsigned resolved_jobs(unsigned jobs) {
  return jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

template <class MakeWorker, class Work>
void parallel_for(std::size_t count, unsigned jobs, MakeWorker make_worker, Work work) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto run = [&] {
    try {
      auto worker = make_worker();
      for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < count;) {
        work(worker, i);
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next.store(count);
    }
  };
  const unsigned threads =
      static_cast<unsigned>(std::clamp<std::size_t>(count, 1, std::max(1u, jobs)));
  if (threads == 1) {
    run();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back(run);
  }
  if (failure) std::rethrow_exception(failure);
}

// The same for work(i) that needs no state of its own.
template <class Work>
void parallel_for_each_index(std::size_t count, unsigned jobs, Work work) {
  struct NoWorkerState {};
  parallel_for(
      count, jobs, [] { return NoWorkerState{}; }, [&](NoWorkerState&, std::size_t i) { work(i); });
}

}  // namespace cutover
