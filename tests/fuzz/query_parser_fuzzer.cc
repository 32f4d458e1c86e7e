// Fuzzes the query language (search-server/query_builder.h): any text in
// both modes over a small in-memory index with the real taxonomy, and the
// query it builds must run. A malformed query may only throw
// QuerySyntaxError (the server's 400); anything else is a finding.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "core/analyzer.h"
#include "core/document_terms.h"
#include "core/schema.h"
#include "core/taxonomy.h"
#include "search-server/query_builder.h"

namespace {

struct Fixture {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  kb::Taxonomy taxonomy;
  std::unique_ptr<kb::QueryBuilder> builder;
};

// One decision that cites another, so number queries find serials and
// citing documents.
Fixture* make_fixture() {
  auto* f = new Fixture;
  std::string error;
  std::optional<kb::Taxonomy> t =
      kb::Taxonomy::load(VNKB_SOURCE_DIR "/corpus/taxonomy", &error);
  if (!t) {
    std::fprintf(stderr, "query_parser_fuzzer: taxonomy: %s\n", error.c_str());
    std::abort();
  }
  f->taxonomy = std::move(*t);
  f->db.set_metadata(std::string(kb::schema::kSchemaVersionKey),
                     std::string(kb::schema::kSchemaVersion));
  Xapian::Document doc;
  kb::add_text_terms(doc,
                     kb::analyze("Quyết định 1407/QĐ-TTg của Thủ tướng Chính "
                                 "phủ về Bộ Tài nguyên và Môi trường, thi "
                                 "hành Nghị định 30/2020/NĐ-CP"),
                     1, 1);
  doc.add_boolean_term(kb::schema::term(kb::schema::kSerialPrefix, "1407"));
  doc.add_boolean_term(kb::schema::term(kb::schema::kSerialPrefix, "1407/qd"));
  doc.add_boolean_term(
      kb::schema::term(kb::schema::kNumberPrefix, "1407/qd-ttg"));
  doc.add_boolean_term(kb::schema::term(kb::schema::kCitePrefix, "30/nd-cp"));
  doc.add_value(kb::schema::kNumberSlot, "1407/qd-ttg");
  f->db.add_document(doc);
  f->db.commit();
  f->builder = std::make_unique<kb::QueryBuilder>(f->db, f->taxonomy);
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Reachable for the whole run: not a leak.
  static Fixture* const fixture = make_fixture();
  if (size == 0) return 0;
  const kb::QueryMode mode =
      (data[0] & 1) ? kb::QueryMode::kAnyWord : kb::QueryMode::kAllWords;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1,
                              size - 1);
  kb::ParsedQuery parsed;
  try {
    parsed = fixture->builder->parse(text, mode);
  } catch (const kb::QuerySyntaxError&) {
    return 0;
  }
  for (const Xapian::Query* q : {&parsed.query, &parsed.match, &parsed.count}) {
    Xapian::Enquire enquire(fixture->db);
    enquire.set_query(*q);
    (void)enquire.get_mset(0, 10);
  }
  return 0;
}
