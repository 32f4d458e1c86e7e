// Search over a vnkb database folder (indexer/indexer.h): ranked hits with
// snippets, exact facet counts, documents, pages and files. Read-only; safe
// to call from many threads; follows the indexer's commits without restart.
#ifndef VNKB_SEARCH_SERVER_SEARCHER_H_
#define VNKB_SEARCH_SERVER_SEARCHER_H_

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "search-server/query_builder.h"

namespace kb {

// The facets, in the order the API lists them.
inline const std::vector<std::string> kFacetNames = {
    "network", "topic", "number", "type", "issuer", "year"};

struct SearchRequest {
  std::string q;
  std::map<std::string, std::vector<std::string>>
      filters;           // facet name -> values
  std::string from, to;  // YYYY-MM-DD or empty
  enum class Sort { kRelevance, kDateDesc, kDateAsc } sort = Sort::kRelevance;
  int page = 1;
  int per_page = 10;
  int facet_limit = 10;
  bool snippets = true;
  bool facets = true;
};

// The facets of /api/positions, in the order the API lists them.
inline const std::vector<std::string> kPositionFacetNames = {
    "actor", "stance", "process", "topic", "year"};

struct PositionRequest {
  std::string q;
  // actor, network, process (a process or a forum), stance, topic -> values
  std::map<std::string, std::vector<std::string>> filters;
  std::string from, to;  // YYYY-MM-DD or empty
  enum class Sort { kRelevance, kDateAsc, kDateDesc } sort = Sort::kDateAsc;
  int page = 1;
  int per_page = 20;
  int facet_limit = 10;
};

// An error the client caused (bad query or parameter): HTTP 400.
class BadRequest : public std::runtime_error {
 public:
  BadRequest(std::string code, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

class Searcher {
 public:
  // Opens the database folder read-only. Throws std::runtime_error with a
  // clear message when it is missing or unreadable.
  //
  // At most `max_active` calls work at once (0: one per core); the others
  // wait their turn, first come first served. Searching is CPU-bound: with
  // more at once than cores, every request shares the CPU with every other
  // and a slow query takes several times its own time, while queued
  // requests each still run at full speed.
  explicit Searcher(const std::filesystem::path& db_dir, int max_active = 0);
  ~Searcher();

  // The /api/search answer. Throws BadRequest.
  nlohmann::json search(const SearchRequest& request) const;
  // Metadata with cites and cited_by; nullopt for an unknown id.
  std::optional<nlohmann::json> document(int64_t id) const;
  // One page's text; with `q`, also "html": the escaped text with the
  // query's words in <mark>. nullopt for an unknown id or page.
  std::optional<nlohmann::json> page_text(int64_t id, int page,
                                          const std::string& q) const;
  // The original file of a document the catalog knows: path and content type.
  struct File {
    std::filesystem::path path;
    std::string content_type;
    std::string name;
  };
  std::optional<File> file(int64_t id) const;
  nlohmann::json all_facets(int facet_limit) const;
  // The /api/positions answer. Throws BadRequest.
  nlohmann::json positions(const PositionRequest& request) const;
  // An actor of the taxonomy: names, networks and members, positions over
  // time; nullopt for an unknown id.
  std::optional<nlohmann::json> actor(const std::string& id) const;
  nlohmann::json health() const;

  // The most calls that have worked at once so far (for tests).
  int peak_active() const;

 private:
  struct Context;
  class Lease;
  Lease acquire() const;
  void release(std::unique_ptr<Context> context) const;
  // The shared data of the context's index revision (built on first use).
  std::shared_ptr<const struct RevisionData> revision_data(
      Context& context) const;

  std::filesystem::path db_dir_;
  const uint64_t max_active_;
  mutable std::mutex mutex_;
  mutable std::condition_variable turn_;
  // Tickets in arrival order; ticket t may work once t < released_ +
  // max_active_.
  mutable uint64_t next_ticket_ = 0;
  mutable uint64_t released_ = 0;
  mutable int active_ = 0;
  mutable int peak_active_ = 0;
  mutable std::vector<std::unique_ptr<Context>> idle_;
  mutable std::mutex revision_mutex_;
  mutable std::shared_ptr<const struct RevisionData> revision_data_;
};

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_SEARCHER_H_
