// Search stage times: one record per request, summarised at exit.
#include "search-server/search_profile.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

namespace kb {
namespace {

struct Record {
  std::array<double, kSearchStageCount> ms{};
  std::string query;
  // CPU time of every stage (the queue is a wait).
  double cpu() const {
    double s = 0;
    for (size_t i = 1; i < ms.size(); ++i) s += ms[i];
    return s;
  }
};

struct Records {
  std::mutex mutex;
  std::vector<Record> done;
};

Records& records() {
  static Records r;
  return r;
}

thread_local Record current;
thread_local bool started = false;

}  // namespace

bool SearchProfile::on() {
  static const bool on = std::getenv("VNKB_PROFILE") != nullptr;
  return on;
}

void SearchProfile::begin(const std::string& query) {
  if (!on()) return;
  current = Record{};
  current.query = query;
  started = true;
}

void SearchProfile::add(SearchStage stage, double ms) {
  if (started) current.ms[static_cast<size_t>(stage)] += ms;
}

void SearchProfile::end() {
  if (!started) return;
  started = false;
  Records& r = records();
  const std::lock_guard<std::mutex> lock(r.mutex);
  r.done.push_back(std::move(current));
}

void SearchProfile::report(std::ostream& out) {
  if (!on()) return;
  Records& r = records();
  const std::lock_guard<std::mutex> lock(r.mutex);
  if (r.done.empty()) return;
  // A query's first request fills the revision's caches (pair statistics,
  // vocabulary): the steady state is every later one, reported apart.
  std::vector<Record> all, first;
  std::set<std::string> seen;
  for (const Record& rec : r.done)
    (seen.insert(rec.query).second ? first : all).push_back(rec);
  if (all.empty()) all = first;
  std::stable_sort(
      all.begin(), all.end(),
      [](const Record& a, const Record& b) { return a.cpu() > b.cpu(); });
  const size_t costly = std::max<size_t>(1, all.size() / 100);
  auto mean = [&](size_t n, size_t stage) {
    double s = 0;
    for (size_t i = 0; i < n; ++i)
      s += stage < kSearchStageCount ? all[i].ms[stage] : all[i].cpu();
    return s / static_cast<double>(n);
  };
  static const char* const kNames[] = {"queue (wall)", "parse",  "count",
                                       "rank",         "facets", "hits",
                                       "suggest",      "json",   "CPU total"};
  char line[200];
  std::snprintf(line, sizeof line,
                "stage (ms)    mean of %zu requests  costliest 1%% (%zu)\n",
                all.size(), costly);
  out << line;
  for (size_t s = 0; s <= kSearchStageCount; ++s) {
    std::snprintf(line, sizeof line, "%-12s %21.3f %20.3f\n", kNames[s],
                  mean(all.size(), s), mean(costly, s));
    out << line;
  }
  double cold = 0;
  for (const Record& rec : first) cold += rec.cpu();
  std::snprintf(line, sizeof line,
                "(not above: the first request of each of %zu queries, mean "
                "CPU %.3f ms)\n",
                first.size(), cold / static_cast<double>(first.size()));
  out << line;
  // Per query, the mean of its requests: what repeats is the query, not a
  // slow moment of the machine.
  std::map<std::string, std::pair<Record, int>> by_query;
  for (const Record& rec : all) {
    auto& [sum, n] = by_query[rec.query];
    for (size_t i = 0; i < kSearchStageCount; ++i) sum.ms[i] += rec.ms[i];
    ++n;
  }
  std::vector<Record> means;
  for (auto& [query, sum_n] : by_query) {
    Record m = sum_n.first;
    for (double& v : m.ms) v /= sum_n.second;
    m.query = query;
    means.push_back(std::move(m));
  }
  std::stable_sort(
      means.begin(), means.end(),
      [](const Record& a, const Record& b) { return a.cpu() > b.cpu(); });
  out << "costliest queries, mean of their requests (CPU ms: parse count "
         "rank facets hits suggest json):\n";
  for (size_t k = 0; k < means.size() && k < 12; ++k) {
    const Record& rec = means[k];
    std::snprintf(line, sizeof line,
                  "%7.2f: %5.2f %5.2f %5.2f %5.2f %5.2f %5.2f %5.2f  ",
                  rec.cpu(), rec.ms[1], rec.ms[2], rec.ms[3], rec.ms[4],
                  rec.ms[5], rec.ms[6], rec.ms[7]);
    out << line << rec.query << '\n';
  }
}

}  // namespace kb
