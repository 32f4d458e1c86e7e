// Document tagging: counts the taxonomy mentions of the title and pages and
// keeps the networks and topics the document is clearly about (tagging.h).
#include "indexer/tagging.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <unordered_map>

#include "core/analyzer.h"

namespace kb {
namespace {

// A title mention counts as this many body mentions: titles name what a
// document is about, bodies also name what it merely passes by.
constexpr double kTitleWeight = 3.0;

// Networks. Names are specific, so a few mentions suffice; one mention of an
// acronym or a short name is too weak (one item in a list of partners, an
// English phrase such as "fair for all"), one of a long written-out name is
// not.
constexpr int kMinNetworkMentions = 2;
constexpr size_t kLongNameTokens = 4;          // any name this long
constexpr size_t kLongAccentedNameTokens = 3;  // a Vietnamese name this long

// Topics. Keywords are ordinary phrases that long legal texts use in passing
// ("bảo vệ môi trường" in a tax law), so a topic needs repeated mentions, and
// often enough for the document's length (measured on the demo documents and
// the vbpl legal texts).
constexpr int kMinTopicMentions = 2;
constexpr double kMinTopicPerThousandWords = 1.5;
constexpr size_t kMaxTopics = 6;

struct Evidence {
  const TaxonomyEntry* entry = nullptr;
  int title_mentions = 0;
  int body_mentions = 0;
  bool long_name = false;  // some mention was a long, unambiguous name
  size_t first_seen = std::numeric_limits<size_t>::max();

  double score() const { return kTitleWeight * title_mentions + body_mentions; }
};

bool has_accented_token(const Analysis& a, const Mention& m) {
  for (size_t i = m.first_token; i < m.first_token + m.token_count; ++i) {
    if (a.tokens[i].exact != a.tokens[i].folded) return true;
  }
  return false;
}

class Tally {
 public:
  explicit Tally(const Taxonomy& taxonomy) : taxonomy_(taxonomy) {}

  // Adds the mentions in `text`; returns its number of words.
  size_t add(std::string_view text, bool is_title) {
    return add(analyze(text), is_title);
  }

  // Adds the mentions in an analysis; returns its number of words. `found`,
  // when given, receives every mention (of any kind).
  size_t add(const Analysis& a, bool is_title,
             std::vector<Mention>* found = nullptr) {
    std::vector<Mention> mentions = taxonomy_.find_mentions(a);
    for (const Mention& m : mentions) {
      // A topic is named by its name or keywords alike (a keyword equal to
      // the name is reported as the name).
      if (m.entry->kind != "network" && m.entry->kind != "topic") continue;
      Evidence& e = evidence_[m.entry];
      e.entry = m.entry;
      (is_title ? e.title_mentions : e.body_mentions) += 1;
      e.first_seen = std::min(e.first_seen, order_);
      ++order_;
      if (m.token_count >= kLongNameTokens ||
          (m.token_count >= kLongAccentedNameTokens &&
           has_accented_token(a, m))) {
        e.long_name = true;
      }
    }
    if (found != nullptr) *found = std::move(mentions);
    size_t words = 0;
    for (const Token& t : a.tokens) {
      if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) ++words;
    }
    return words;
  }

  // Evidence of `kind`, strongest first (ties: first seen first).
  std::vector<Evidence> ranked(std::string_view kind) const {
    std::vector<Evidence> out;
    for (const auto& [entry, e] : evidence_) {
      if (entry->kind == kind) out.push_back(e);
    }
    std::sort(out.begin(), out.end(), [](const Evidence& a, const Evidence& b) {
      if (a.score() != b.score()) return a.score() > b.score();
      return a.first_seen < b.first_seen;
    });
    return out;
  }

 private:
  const Taxonomy& taxonomy_;
  std::unordered_map<const TaxonomyEntry*, Evidence> evidence_;
  size_t order_ = 0;
};

bool network_is_clear(const Evidence& e) {
  return e.title_mentions > 0 || e.body_mentions >= kMinNetworkMentions ||
         e.long_name;
}

bool topic_is_clear(const Evidence& e, size_t body_words) {
  if (e.title_mentions > 0) return true;
  return e.body_mentions >= kMinTopicMentions &&
         e.body_mentions * 1000.0 >=
             kMinTopicPerThousandWords * static_cast<double>(body_words);
}

}  // namespace

namespace {

DocumentTags tags_of_tally(const Tally& tally, size_t body_words) {
  DocumentTags tags;
  for (const Evidence& e : tally.ranked("network")) {
    if (network_is_clear(e)) tags.networks.push_back(e.entry->id);
  }
  for (const Evidence& e : tally.ranked("topic")) {
    if (tags.topics.size() == kMaxTopics) break;
    if (topic_is_clear(e, body_words)) tags.topics.push_back(e.entry->id);
  }
  return tags;
}

}  // namespace

DocumentTags tag_document(std::string_view title,
                          const std::vector<std::string>& pages,
                          const Taxonomy& taxonomy) {
  Tally tally(taxonomy);
  tally.add(title, /*is_title=*/true);
  size_t body_words = 0;
  for (const std::string& page : pages)
    body_words += tally.add(page, /*is_title=*/false);
  return tags_of_tally(tally, body_words);
}

DocumentTags tag_analysed_document(std::string_view title,
                                   const std::vector<Analysis>& pages,
                                   const Taxonomy& taxonomy,
                                   std::vector<std::vector<Mention>>* found) {
  Tally tally(taxonomy);
  tally.add(title, /*is_title=*/true);
  size_t body_words = 0;
  if (found != nullptr) found->assign(pages.size(), {});
  for (size_t i = 0; i < pages.size(); ++i) {
    body_words += tally.add(pages[i], /*is_title=*/false,
                            found != nullptr ? &(*found)[i] : nullptr);
  }
  return tags_of_tally(tally, body_words);
}

}  // namespace kb
