// Xapian documents from catalog documents.
#include "core/document_terms.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "core/dates.h"
#include "core/doc_number.h"
#include "core/english_terms.h"
#include "core/language.h"
#include "core/word_pairs.h"

namespace kb {

Xapian::termpos add_text_terms(Xapian::Document& doc, const Analysis& analysis,
                               Xapian::termpos start, Xapian::termcount wdf_inc,
                               bool folded_positions) {
  Xapian::termpos last = start - 1;
  std::string folded;
  for (const Token& t : analysis.tokens) {
    const Xapian::termpos pos = start + t.position;
    doc.add_posting(t.exact, pos, wdf_inc);
    folded.assign(schema::kFoldedPrefix);
    folded += t.folded;
    // A word's folded positions are those of its spellings (the exact
    // tier); a number's or document number's are kept (their folded form
    // is no fold of their exact one).
    if (folded_positions || t.kind != TokenKind::kWord) {
      doc.add_posting(folded, pos, wdf_inc);
    } else {
      doc.add_term(folded, wdf_inc);
    }
    if (pos > last) last = pos;
  }
  // XPAIR: two frequent folded words at consecutive positions
  // (core/word_pairs.h), as OP_PHRASE would match them (tokens sharing a
  // position pair with each neighbour).
  // Tokens by position, as runs of one position each: 4 bytes a token
  // (a map of positions took about 80, as much as the tokens themselves).
  const std::vector<Token>& tokens = analysis.tokens;
  std::vector<uint32_t> order(tokens.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return tokens[a].position < tokens[b].position;
  });
  std::string pair;
  size_t run = 0;  // [run, next_run): the tokens at one position
  while (run < order.size()) {
    const uint32_t position = tokens[order[run]].position;
    size_t next_run = run;
    while (next_run < order.size() &&
           tokens[order[next_run]].position == position) {
      ++next_run;
    }
    size_t after = next_run;
    while (after < order.size() &&
           tokens[order[after]].position == position + 1) {
      ++after;
    }
    for (size_t i = run; i < next_run; ++i) {
      if (!is_pair_word(tokens[order[i]].folded)) continue;
      for (size_t j = next_run; j < after; ++j) {
        const std::string& second = tokens[order[j]].folded;
        if (!pair_indexed(tokens[order[i]].folded, second)) continue;
        // wdf 0: no weight, and document lengths (BM25) stay as they were.
        pair = schema::pair_term(tokens[order[i]].folded, second);
        doc.add_term(pair, 0);
      }
    }
    run = next_run;
  }
  return last;
}

std::string make_anchors(const Analysis& page, uint32_t every) {
  std::string out;
  auto put = [&out](uint32_t v) {
    for (int i = 0; i < 4; ++i)
      out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  };
  uint32_t last_position = 0;
  bool first = true;
  // One pass over the text, whatever the length of its lines: `line` is the
  // start of the line holding text[scanned], `blank` says whether
  // text[line, scanned) is only spaces and tabs. (Searching back for the
  // line start at each token took 72 s on a 1.5 MB line.)
  const std::string& text = page.text;
  size_t scanned = 0;
  size_t line = 0;
  bool blank = true;
  for (const Token& t : page.tokens) {
    if (t.begin < scanned) {  // tokens out of order: start the line again
      line = text.rfind('\n', t.begin) + 1;
      scanned = line;
      blank = true;
    }
    for (; scanned < t.begin && scanned < text.size(); ++scanned) {
      const char c = text[scanned];
      if (c == '\n') {
        line = scanned + 1;
        blank = true;
      } else if (c != ' ' && c != '\t') {
        blank = false;
      }
    }
    if (!first && t.position < last_position + every) continue;
    // A line start: analysis restarted here sees the same tokens.
    if (!first && !blank) continue;
    put(t.position);
    put(first ? 0 : static_cast<uint32_t>(line));
    last_position = t.position;
    first = false;
  }
  return out;
}

std::vector<SnippetAnchor> parse_anchors(const std::string& blob) {
  std::vector<SnippetAnchor> out;
  auto get = [&blob](size_t at) {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      v |= static_cast<uint32_t>(static_cast<unsigned char>(blob[at + i]))
           << (8 * i);
    }
    return v;
  };
  for (size_t at = 0; at + 8 <= blob.size(); at += 8)
    out.push_back({get(at), get(at + 4)});
  return out;
}

Xapian::Document build_document(const CatalogDocument& d,
                                const std::vector<Analysis>& pages,
                                const Taxonomy& taxonomy,
                                schema::DocumentData* data_out) {
  return build_document(
      d, pages.size(), [&pages](size_t i) { return pages[i]; }, taxonomy,
      data_out);
}

Xapian::Document build_document(
    const CatalogDocument& d, size_t page_count,
    const std::function<Analysis(size_t)>& analysis_of,
    const Taxonomy& taxonomy, schema::DocumentData* data_out,
    const std::vector<std::vector<Mention>>* page_mentions) {
  using namespace schema;
  Xapian::Document doc;
  DocumentData data;
  data.id = d.id;
  data.title = d.title;
  data.type = d.type;
  data.number = d.number;
  data.issuer = d.issuer;
  data.issue_date = d.issue_date;
  data.networks = d.networks;
  data.topics = d.topics;
  data.status = d.status;
  data.language = d.language;
  data.pages = static_cast<int>(page_count);

  // Title first, weighted; then each page after a gap.
  std::map<std::string, Xapian::termcount> mentions;
  auto count_found = [&](const std::vector<Mention>& found,
                         Xapian::termcount weight) {
    for (const Mention& m : found) mentions[m.entry->id] += weight;
  };
  auto count_mentions = [&](const Analysis& a, Xapian::termcount weight) {
    count_found(taxonomy.find_mentions(a), weight);
  };
  Xapian::termpos next = 1;
  // The English tier weighs on English pages (and the title of an English
  // document); elsewhere it only matches (core/english_terms.h).
  if (!d.title.empty()) {
    const Analysis title = analyze(d.title);
    next = add_text_terms(doc, title, next, kTitleWeight,
                          /*folded_positions=*/false) +
           1 + kPositionGap;
    count_mentions(title, kTitleWeight);
    add_english_terms(doc, title, has_english(d.language) ? kTitleWeight : 0);
  }
  for (size_t i = 0; i < page_count; ++i) {
    const Analysis page = analysis_of(i);
    data.page_starts.push_back(next);
    next = add_text_terms(doc, page, next, 1, /*folded_positions=*/false) + 1 +
           kPositionGap;
    if (page_mentions != nullptr) {
      count_found((*page_mentions)[i], 1);
    } else {
      count_mentions(page, 1);
    }
    add_english_terms(doc, page,
                      has_english(language_of_utf8(page.text)) ? 1 : 0);
  }
  if (!d.language.empty())
    doc.add_boolean_term(term(kLanguagePrefix, d.language));
  for (const auto& [id, count] : mentions)
    doc.add_term(term(kEntityPrefix, id), count);

  doc.add_boolean_term(id_term(d.id));
  if (const auto n = parse_doc_number(d.number)) {
    doc.add_boolean_term(term(kNumberPrefix, n->key()));
    doc.add_value(kNumberSlot, n->key());
    // serial/type (QĐ 1407) and serial/year/type (30/2020/NĐ), when typed.
    const std::string key = n->key();
    const std::string type = n->type_code();
    const std::string serial = key.substr(0, key.find('/'));
    doc.add_boolean_term(term(kSerialPrefix, serial));  // "so:1407"
    if (!type.empty()) {
      const std::string type_key = schema::facet_key(type);
      doc.add_boolean_term(term(kSerialPrefix, serial + "/" + type_key));
      if (!n->year.empty()) {
        doc.add_boolean_term(
            term(kSerialPrefix, serial + "/" + n->year + "/" + type_key));
      }
    }
  }
  for (const std::string& cite : d.cites) {
    if (const auto n = parse_doc_number(cite))
      doc.add_boolean_term(term(kCitePrefix, n->key()));
  }
  for (const Relation& r : d.relations) {
    if (r.kind == "cites") continue;
    if (const auto n = parse_doc_number(r.target))
      doc.add_boolean_term(term(kRelatedPrefix, n->key()));
  }
  for (const std::string& id : d.networks)
    doc.add_boolean_term(term(kNetworkPrefix, id));
  for (const std::string& id : d.topics)
    doc.add_boolean_term(term(kTopicPrefix, id));
  doc.add_value(kNetworksSlot, join_list(d.networks));
  doc.add_value(kTopicsSlot, join_list(d.topics));
  if (!d.type.empty()) {
    const std::string key = facet_key(d.type);
    doc.add_boolean_term(term(kTypePrefix, key));
    doc.add_value(kTypeSlot, key);
  }
  const std::string issuer_key =
      !d.issuer_id.empty() ? d.issuer_id : facet_key(d.issuer);
  if (!issuer_key.empty()) {
    doc.add_boolean_term(term(kIssuerPrefix, issuer_key));
    doc.add_value(kIssuerSlot, issuer_key);
  }
  // A date of any precision ("2005-06" for a report dated by its month)
  // has its year; ranges hold it as its first day.
  if (!sortable_date(d.issue_date).empty()) {
    const std::string year = d.issue_date.substr(0, 4);
    doc.add_boolean_term(term(kYearPrefix, year));
    doc.add_value(kYearSlot, year);
    doc.add_value(kDateSlot, sortable_date(d.issue_date));
  }
  doc.add_value(
      kFacetsSlot,
      pack_facets(doc.get_value(kTypeSlot), doc.get_value(kIssuerSlot),
                  doc.get_value(kYearSlot), doc.get_value(kNumberSlot),
                  doc.get_value(kNetworksSlot), doc.get_value(kTopicsSlot),
                  d.language));
  doc.add_boolean_term(term(kStatusPrefix, d.status));
  if (!d.format.empty()) doc.add_boolean_term(term(kFormatPrefix, d.format));
  doc.set_data(data.to_json());
  if (data_out != nullptr) *data_out = std::move(data);
  return doc;
}

std::string PositionData::to_json() const {
  const nlohmann::json j = {{"id", id},
                            {"doc_id", doc_id},
                            {"actor", actor},
                            {"actor_label", actor_label},
                            {"stance", stance},
                            {"process", process},
                            {"forum", forum},
                            {"forum_name", forum_name},
                            {"target", target},
                            {"date", date},
                            {"quote", quote},
                            {"source", source},
                            {"topics", topics},
                            {"page", page},
                            {"doc_title", doc_title},
                            {"doc_number", doc_number}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

PositionData PositionData::from_json(std::string_view json) {
  try {
    const nlohmann::json j = nlohmann::json::parse(json);
    PositionData p;
    p.id = j.at("id").get<int64_t>();
    p.doc_id = j.at("doc_id").get<int64_t>();
    p.actor = j.value("actor", "");
    p.actor_label = j.value("actor_label", "");
    p.stance = j.value("stance", "");
    p.process = j.value("process", "");
    p.forum = j.value("forum", "");
    p.forum_name = j.value("forum_name", "");
    p.target = j.value("target", "");
    p.date = j.value("date", "");
    p.quote = j.value("quote", "");
    p.source = j.value("source", "");
    p.topics = j.value("topics", std::vector<std::string>{});
    p.page = j.value("page", 0);
    p.doc_title = j.value("doc_title", "");
    p.doc_number = j.value("doc_number", "");
    return p;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("malformed position data: ") +
                             e.what());
  }
}

Xapian::Document build_position_document(const PositionData& p,
                                         const Taxonomy& taxonomy) {
  using namespace schema;
  Xapian::Document doc;
  // Both tiers positional: the position index is small, and its queries
  // read folded positions (no spellings lookup there).
  const Analysis quote = analyze(p.quote);
  add_text_terms(doc, quote, 1, 1);
  // The quote's language, and the English tier for an English quote, as a
  // document has them (schema 9): "negotiation" finds "negotiations".
  const std::string language = language_of_utf8(p.quote);
  add_english_terms(doc, quote, has_english(language) ? 1 : 0);
  if (!language.empty()) doc.add_boolean_term(term(kLanguagePrefix, language));
  // The actor under any of its names: a query "MOFA" finds "Bộ Ngoại giao".
  doc.add_term(term(kEntityPrefix, p.actor), 1);
  // The position's topics and those its quote mentions ("nhựa"), as
  // entities, as a document has the topics it mentions: a topic query in
  // the other language reaches the position (search-server/cross_language.h,
  // cross_language_query).
  std::set<std::string> topics(p.topics.begin(), p.topics.end());
  for (const Mention& m : taxonomy.find_mentions(quote)) {
    if (m.entry->kind == "topic") topics.insert(m.entry->id);
  }
  for (const std::string& t : topics) doc.add_term(term(kEntityPrefix, t), 1);
  // Its forum and process under any of their names: "INC-5" finds every
  // position taken at the session, not only those whose quote names it.
  for (const std::string* id : {&p.forum, &p.process}) {
    if (!id->empty()) doc.add_term(term(kEntityPrefix, *id), 1);
  }
  doc.add_boolean_term(term(kActorPrefix, p.actor));
  doc.add_boolean_term(term(kStancePrefix, p.stance));
  doc.add_boolean_term(term(kDocPrefix, std::to_string(p.doc_id)));
  if (!p.process.empty()) doc.add_boolean_term(term(kProcessPrefix, p.process));
  if (!p.forum.empty()) doc.add_boolean_term(term(kForumPrefix, p.forum));
  for (const std::string& t : p.topics)
    doc.add_boolean_term(term(kTopicPrefix, t));
  // The networks the actor belongs to, and the actor itself if it is one.
  std::vector<std::string> networks;
  if (const TaxonomyEntry* e = taxonomy.find(p.actor)) {
    if (e->kind == "network") networks.push_back(e->id);
    for (const Membership& m : e->member_of) {
      const TaxonomyEntry* n = taxonomy.find(m.id);
      if (n != nullptr && n->kind == "network") networks.push_back(n->id);
    }
  }
  for (const std::string& n : networks)
    doc.add_boolean_term(term(kNetworkPrefix, n));
  const std::string year =
      p.date.size() >= 4 ? p.date.substr(0, 4) : std::string();
  if (!year.empty()) doc.add_boolean_term(term(kYearPrefix, year));
  const std::string date = sortable_date(p.date);
  if (!date.empty()) doc.add_value(kDateSlot, date);
  // The process facet counts a position under its process and its forum,
  // as the process filter finds it by either.
  std::vector<std::string> processes;
  for (const std::string* id : {&p.process, &p.forum}) {
    if (!id->empty()) processes.push_back(*id);
  }
  doc.add_value(kFacetsSlot,
                pack_facets(p.actor, p.stance, join_list(processes),
                            join_list(p.topics), year, join_list(networks)));
  doc.set_data(p.to_json());
  return doc;
}

}  // namespace kb
