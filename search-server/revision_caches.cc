// Per-revision caches of pair statistics and phrase documents.
#include "search-server/revision_caches.h"

#include <algorithm>
#include <utility>

#include "search-server/counting_weight.h"

namespace kb {
namespace {

// Collects the docids of every match of a counting pass.
class PhraseDocidCollector : public Xapian::MatchSpy {
 public:
  explicit PhraseDocidCollector(std::vector<Xapian::docid>* docids)
      : docids_(docids) {}
  void operator()(const Xapian::Document& doc, double) override {
    docids_->push_back(doc.get_docid());
  }

 private:
  std::vector<Xapian::docid>* docids_;
};

}  // namespace

std::optional<PairStats> PairStatsCache::find(const std::string& key) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto it = stats_.find(key);
  if (it == stats_.end()) return std::nullopt;
  return it->second;
}

void PairStatsCache::add(const std::string& key, PairStats stats) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (stats_.size() >= kMaxEntries) stats_.clear();
  stats_.emplace(key, stats);
}

PhraseDocsCache::Docids PhraseDocsCache::documents(
    const Xapian::Database& db, const Xapian::Query& phrase) {
  const std::string key = phrase.serialise();
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = docids_.find(key);
    if (it != docids_.end()) return it->second;
  }
  // Found outside the lock: two searches may both find a new phrase.
  auto found = std::make_shared<std::vector<Xapian::docid>>();
  PhraseDocidCollector collect(found.get());
  Xapian::Enquire e(db);
  e.set_weighting_scheme(counting_weight());
  e.set_query(phrase);
  e.add_matchspy(&collect);
  e.get_mset(0, 0, db.get_doccount());
  std::sort(found->begin(), found->end());
  const std::lock_guard<std::mutex> lock(mutex_);
  if (held_ + found->size() > kMaxDocids) {
    docids_.clear();
    held_ = 0;
  }
  held_ += found->size();
  docids_.emplace(key, found);
  return found;
}

PhraseDocsCache::Docids PhraseDocsCache::documents_when_asked_again(
    const Xapian::Database& db, const Xapian::Query& phrase) {
  {
    const std::string key = phrase.serialise();
    const std::lock_guard<std::mutex> lock(mutex_);
    if (const auto it = docids_.find(key); it != docids_.end())
      return it->second;
    if (asked_.size() >= kMaxAsked) asked_.clear();
    if (asked_.insert(key).second) return nullptr;
  }
  return documents(db, phrase);
}

DocumentDataCache::Data DocumentDataCache::data(
    const Xapian::MSetIterator& hit) {
  const Xapian::docid docid = *hit;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = data_.find(docid);
    if (it != data_.end()) return it->second;
  }
  Data read = std::make_shared<const schema::DocumentData>(
      schema::DocumentData::from_json(hit.get_document().get_data()));
  const std::lock_guard<std::mutex> lock(mutex_);
  if (data_.size() >= kMaxEntries) data_.clear();
  return data_.emplace(docid, std::move(read)).first->second;
}

size_t DocumentDataCache::size() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return data_.size();
}

}  // namespace kb
