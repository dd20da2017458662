#include "traffic/traffic_analysis.h"

#include <glob.h>
#include <xxhash.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "traffic/log_format.h"
#include "traffic/log_line.h"
#include "traffic/log_reader.h"
#include "traffic/request_path.h"
#include "traffic/route_matcher.h"
#include "traffic/traffic_counts.h"
#include "traffic/traffic_summary.h"

namespace cutover {
namespace {

// Access log names with globs expanded (sorted, as the shell does); a
// pattern that matches nothing is a diagnostic.
std::vector<std::string> expand_logs(const std::vector<std::string>& given,
                                     std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const std::string& pattern : given) {
    if (pattern == "-" || pattern.find_first_of("*?[") == std::string::npos) {
      out.push_back(pattern);
      continue;
    }
    glob_t found{};
    if (::glob(pattern.c_str(), 0, nullptr, &found) == 0) {
      for (std::size_t i = 0; i < found.gl_pathc; ++i)
        out.emplace_back(found.gl_pathv[i]);
    } else {
      diagnostics.push_back({pattern, 0, Severity::kWarning, "traffic-unreadable-log",
                             "no access log matches " + pattern});
    }
    ::globfree(&found);
  }
  return out;
}

struct Job {
  std::size_t file = 0, seq = 0;
  std::string data;
};

// Lines of one chunk: how many, and the first that could not be read.
struct ChunkStat {
  std::uint64_t lines = 0, malformed = 0;
  std::uint64_t first_bad = 0;  // 1-based within the chunk; 0: none
  const char* reason = "";
};

class JobQueue {
 public:
  explicit JobQueue(std::size_t capacity) : capacity_(capacity) {}
  void push(Job job) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return jobs_.size() < capacity_; });
    jobs_.push_back(std::move(job));
    not_empty_.notify_one();
  }
  bool pop(Job& job) {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !jobs_.empty() || closed_; });
    if (jobs_.empty()) return false;
    job = std::move(jobs_.front());
    jobs_.pop_front();
    not_full_.notify_one();
    return true;
  }
  void close() {
    const std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }
  // Chunk buffers go back to the reader, so their memory is mapped once.
  void recycle(std::string buffer) {
    const std::lock_guard lock(mutex_);
    if (spare_.size() < 2 * capacity_) spare_.push_back(std::move(buffer));
  }
  std::string spare() {
    const std::lock_guard lock(mutex_);
    if (spare_.empty()) return {};
    std::string buffer = std::move(spare_.back());
    spare_.pop_back();
    return buffer;
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Job> jobs_;
  std::vector<std::string> spare_;
  bool closed_ = false;
};

// One thread's parsing and matching.
class Worker {
 public:
  Worker(const RouteMatcher& matcher, const std::deque<FileFormat>& formats,
         std::string_view mount_prefix, std::size_t routes)
      : matcher_(matcher),
        formats_(formats),
        mount_prefix_(mount_prefix),
        scratch_(matcher.make_scratch()),
        cache_(1 << 14),
        counts(routes) {}

  ChunkStat run(const Job& job) {
    auto& parser = parsers_[job.file];
    if (!parser) parser = std::make_unique<LogLineParser>(formats_[job.file]);
    ChunkStat stat;
    std::string_view data = job.data;
    LogRecord record;
    while (!data.empty()) {
      const std::size_t end = data.find('\n');
      std::string_view line = data.substr(0, end);
      data.remove_prefix(end == std::string_view::npos ? data.size() : end + 1);
      ++stat.lines;
      if (line.ends_with('\r')) line.remove_suffix(1);
      if (line.empty() || ((line.front() == ' ' || line.front() == '\t') &&
                           line.find_first_not_of(" \t") == std::string_view::npos))
        continue;
      const char* why = nullptr;
      if (line.size() > LogReader::kMaxLineBytes) {
        why = "line longer than 65536 bytes";
      } else {
        const LineResult result = parser->parse(line, record);
        if (result == LineResult::kSkip) continue;
        if (result == LineResult::kBad) why = parser->reason();
      }
      ++counts.lines;
      if (why) {
        ++stat.malformed;
        if (!stat.first_bad) {
          stat.first_bad = stat.lines;
          stat.reason = why;
        }
        continue;
      }
      handle(record);
    }
    counts.malformed += stat.malformed;
    return stat;
  }

 private:
  void handle(const LogRecord& rec) {
    const TrafficCounts::Request request{.method = counted_method(rec.method),
                                         .status = rec.status,
                                         .time = rec.time,
                                         .last_time = rec.last_time,
                                         .duration_us = rec.duration_us,
                                         .count = rec.count};
    if (rec.method.empty()) return counts.add_unmatched("-", "-", request);
    const std::string_view path = target_path(rec.target);
    if (path.empty())
      return counts.add_unmatched(request.method, rec.target == "*" ? "*" : "-", request);
    // Requests repeat (the same page, the same poll): a small cache of the
    // last answer per method and raw path saves decoding and matching.
    CacheSlot* slot = nullptr;
    if (rec.method.size() + path.size() < CacheSlot::kKeyBytes) {
      char key[CacheSlot::kKeyBytes];
      std::memcpy(key, rec.method.data(), rec.method.size());
      key[rec.method.size()] = ' ';
      std::memcpy(key + rec.method.size() + 1, path.data(), path.size());
      const std::size_t size = rec.method.size() + 1 + path.size();
      const std::uint64_t hash = XXH3_64bits(key, size);
      slot = &cache_[hash & (cache_.size() - 1)];
      if (slot->size == size && slot->hash == hash && std::memcmp(slot->key, key, size) == 0) {
        if (slot->route >= 0)
          return counts.add_matched(static_cast<std::size_t>(slot->route), request,
                                    slot->slash_redirect);
      } else {
        slot->hash = hash;
        slot->size = static_cast<std::uint32_t>(size);
        std::memcpy(slot->key, key, size);
        slot->route = -2;  // not known yet
      }
    }
    const std::string_view decoded = decode_path(path, decoded_);
    const std::optional<std::string_view> inside = strip_mount_prefix(decoded, mount_prefix_);
    if (inside && (!slot || slot->route == -2)) {
      const RouteMatcher::Match match = matcher_.match(rec.method, *inside, *scratch_);
      if (slot) {
        slot->route = match.route;
        slot->slash_redirect = match.slash_redirect;
      }
      if (match.route >= 0)
        return counts.add_matched(static_cast<std::size_t>(match.route), request,
                                  match.slash_redirect);
    } else if (slot) {
      slot->route = -1;
    }
    counts.add_unmatched(request.method, unmatched_template(inside.value_or(decoded)), request);
  }

  struct CacheSlot {
    static constexpr std::size_t kKeyBytes = 112;
    std::uint64_t hash = 0;
    std::uint32_t size = 0;  // 0: empty
    bool slash_redirect = false;
    std::int64_t route = -1;  // -1: no route; -2: being filled
    char key[kKeyBytes];
  };
  const RouteMatcher& matcher_;
  const std::deque<FileFormat>& formats_;
  std::string_view mount_prefix_;
  RouteMatcher::ScratchPtr scratch_;
  std::map<std::size_t, std::unique_ptr<LogLineParser>> parsers_;
  std::string decoded_;
  std::vector<CacheSlot> cache_;  // direct-mapped by hash, 2 MB

 public:
  TrafficCounts counts;
};

// The first non-blank lines of a chunk, for format detection.
std::vector<std::string_view> first_lines(std::string_view data, std::size_t most) {
  std::vector<std::string_view> out;
  while (!data.empty() && out.size() < most) {
    const std::size_t end = data.find('\n');
    std::string_view line = data.substr(0, end);
    data.remove_prefix(end == std::string_view::npos ? data.size() : end + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos &&
        line.size() <= LogReader::kMaxLineBytes)
      out.push_back(line);
  }
  return out;
}

}  // namespace

TrafficOptions merged_traffic_options(const TrafficOptions& config, const TrafficOptions& flags) {
  TrafficOptions out = config;
  if (!flags.access_logs.empty()) out.access_logs = flags.access_logs;
  if (flags.log_format != "auto") out.log_format = flags.log_format;
  if (!flags.log_fields.empty()) out.log_fields = flags.log_fields;
  if (!flags.mount_prefix.empty()) out.mount_prefix = flags.mount_prefix;
  return out;
}

std::string traffic_options_problem(const TrafficOptions& options) {
  std::string error;
  std::optional<LogFormat> format = parse_log_format(options.log_format, error);
  if (!format) return "--log-format: " + error;
  for (const std::string& field : options.log_fields) {
    if (!apply_log_field(format->json, field, error)) return error;
  }
  if (!options.mount_prefix.empty() && !options.mount_prefix.starts_with('/'))
    return "--mount-prefix must start with '/'";
  return "";
}

TrafficSummary analyse_traffic(const Inventory& inv, const TrafficOptions& options, unsigned jobs,
                               std::vector<Diagnostic>& diagnostics) {
  std::string error;
  std::optional<LogFormat> format = parse_log_format(options.log_format, error);
  if (!format) throw std::runtime_error("--log-format: " + error);
  for (const std::string& field : options.log_fields) {
    if (!apply_log_field(format->json, field, error)) throw std::runtime_error(error);
  }
  // The framework's own routes (Flask's static files) serve requests too:
  // matched after the app's, so their requests are not reported unmatched.
  std::vector<const Route*> served;
  served.reserve(inv.routes.size() + inv.auto_routes.size());
  for (const std::vector<Route>* list : {&inv.routes, &inv.auto_routes}) {
    for (const Route& r : *list)
      served.push_back(&r);
  }
  const RouteMatcher matcher(served, diagnostics);
  const std::vector<std::string> files = expand_logs(options.access_logs, diagnostics);
  std::deque<FileFormat> formats(files.size());  // stable addresses for the workers
  std::vector<std::string> format_names(files.size(), "unreadable");
  std::vector<std::vector<ChunkStat>> stats(files.size());
  std::mutex stats_mutex;

  const unsigned threads = std::max(1u, jobs);
  JobQueue queue(2 * threads);
  std::vector<std::unique_ptr<Worker>> workers;
  for (unsigned t = 0; t < threads; ++t)
    workers.push_back(
        std::make_unique<Worker>(matcher, formats, options.mount_prefix, served.size()));
  std::vector<std::jthread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, worker = workers[t].get()] {
      Job job;
      while (queue.pop(job)) {
        const ChunkStat stat = worker->run(job);
        queue.recycle(std::move(job.data));
        const std::lock_guard lock(stats_mutex);
        if (stats[job.file].size() <= job.seq) stats[job.file].resize(job.seq + 1);
        stats[job.file][job.seq] = stat;
      }
    });
  }
  // The reader: this thread.
  for (std::size_t f = 0; f < files.size(); ++f) {
    LogReader reader(files[f]);
    if (!reader.error().empty()) {
      diagnostics.push_back({files[f], 0, Severity::kWarning, "traffic-unreadable-log",
                             "cannot read access log: " + reader.error()});
      continue;
    }
    std::string chunk;
    std::size_t seq = 0;
    while (reader.next(chunk)) {
      if (seq == 0) {
        const std::vector<std::string_view> sample = first_lines(chunk, 20);
        std::optional<FileFormat> detected = detect_file_format(*format, sample, error);
        if (!detected) {
          diagnostics.push_back({files[f], 0, Severity::kWarning, "traffic-unreadable-log",
                                 "access log skipped: " + error});
          break;
        }
        formats[f] = *detected;
        format_names[f] = std::string(log_format_name(detected->kind));
      }
      queue.push(Job{.file = f, .seq = seq++, .data = std::move(chunk)});
      chunk = queue.spare();
    }
    if (!reader.problem().empty()) {
      diagnostics.push_back(
          {files[f], 0, Severity::kWarning, "traffic-truncated-log", reader.problem()});
    }
  }
  queue.close();
  pool.clear();  // joins

  TrafficCounts total(served.size());
  for (const auto& worker : workers)
    total.merge(worker->counts);
  for (std::size_t f = 0; f < files.size(); ++f) {
    std::uint64_t before = 0, malformed = 0, first_bad = 0;
    const char* reason = "";
    for (const ChunkStat& s : stats[f]) {
      if (s.first_bad && !first_bad) {
        first_bad = before + s.first_bad;
        reason = s.reason;
      }
      malformed += s.malformed;
      before += s.lines;
    }
    if (malformed) {
      diagnostics.push_back(
          {files[f], static_cast<std::uint32_t>(std::min<std::uint64_t>(first_bad, UINT32_MAX)),
           Severity::kWarning, "traffic-malformed-lines",
           std::to_string(malformed) + " of " + std::to_string(before) +
               " lines skipped as malformed (" + format_names[f] + " format); the first at line " +
               std::to_string(first_bad) + ": " + reason});
    }
  }
  TrafficSummary summary =
      summarise_traffic(inv, total, matcher.unmatchable(), matcher.disabled(), diagnostics);
  summary.log_files = files;
  summary.formats = format_names;
  summary.mount_prefix = options.mount_prefix;
  return summary;
}

}  // namespace cutover
