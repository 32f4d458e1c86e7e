// Validity on a date (core/validity.h) over a real catalog in a temporary
// folder: dates of force, replacement and repeal by documents of the
// collection that are themselves in force, the librarian's word.
#include "core/validity.h"

#include <gtest/gtest.h>

#include "tests/unit/temp_dir.h"

namespace kb {
namespace {

class ValidityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    catalog_ = Catalog::open(dir_.path() / "catalog.sqlite", false, &error);
    ASSERT_TRUE(catalog_) << error;
  }

  int64_t add(const std::string& number, const std::string& type,
              const std::string& effective,
              std::vector<Relation> relations = {},
              const std::string& expiry = "",
              const std::string& validity = "") {
    CatalogDocument d;
    d.path = "/docs/" + std::to_string(++n_);
    d.status = "indexed";
    d.number = number;
    d.type = type;
    d.issue_date = effective;
    d.effective_date = effective;
    d.expiry_date = expiry;
    d.validity = validity;
    d.relations = std::move(relations);
    catalog_->begin();
    catalog_->put(d, nullptr);
    catalog_->commit();
    return d.id;
  }

  Validity on(int64_t id, const std::string& date) {
    return validity_of(*catalog_, *catalog_->get(id), date);
  }

  test::TempDir dir_{"validity-test"};
  std::unique_ptr<Catalog> catalog_;
  int n_ = 0;
};

TEST_F(ValidityTest, ReplacedFromTheDayTheReplacementComesIntoForce) {
  const int64_t old_id = add("88/2024/TT-BCA", "Thông tư", "2024-11-21");
  const int64_t new_id = add("45/2025/TT-BCA", "Thông tư", "2026-01-15",
                             {{"replaces", "88/2024/TT-BCA", "",
                               "… thay thế Thông tư số …", 3, "extracted"}});
  EXPECT_EQ(on(old_id, "2024-11-01").state, "not_yet_in_force");
  EXPECT_EQ(on(new_id, "2025-12-31").state, "not_yet_in_force");
  // Dates in reasons read as dates do everywhere else on the page.
  EXPECT_EQ(on(new_id, "2025-12-31").reason, "có hiệu lực từ ngày 15/01/2026");
  EXPECT_EQ(on(old_id, "2025-12-31").reason, "có hiệu lực từ ngày 21/11/2024");
  // The replacement is not yet in force: the old one still is.
  EXPECT_EQ(on(old_id, "2025-12-31").state, "in_force");
  const Validity v = on(old_id, "2026-01-15");
  EXPECT_EQ(v.state, "expired");
  EXPECT_EQ(v.by_id, new_id);
  EXPECT_EQ(v.reason,
            "bị thay thế bởi Thông tư 45/2025/TT-BCA từ ngày 15/01/2026");
  EXPECT_EQ(on(new_id, "2026-01-15").state, "in_force");
}

TEST_F(ValidityTest, APartRepealedLeavesItPartlyInForce) {
  const int64_t id = add("153/2024/NĐ-CP", "Nghị định", "2024-11-21");
  add("362/2025/NĐ-CP", "Nghị định", "2026-01-01",
      {{"repeals", "153/2024/NĐ-CP", "Điều 8", "", 0, "extracted"},
       {"amends", "153/2024/NĐ-CP", "một số điều", "", 0, "extracted"}});
  const Validity v = on(id, "2026-02-01");
  EXPECT_EQ(v.state, "partly_expired");
  EXPECT_EQ(v.reason,
            "Điều 8 bị bãi bỏ bởi Nghị định 362/2025/NĐ-CP từ ngày "
            "01/01/2026");
}

TEST_F(ValidityTest, StatedEndAndLibrarian) {
  const int64_t id =
      add("12/2026/TT-BTC", "Thông tư", "2026-03-15", {}, "2026-12-31");
  EXPECT_EQ(on(id, "2026-12-31").state, "in_force");
  EXPECT_EQ(on(id, "2027-01-01").state, "expired");
  const int64_t set =
      add("13/2026/TT-BTC", "Thông tư", "2026-03-15", {}, "", "expired");
  EXPECT_EQ(on(set, "2026-04-01").state, "expired");
  EXPECT_EQ(on(set, "2026-04-01").reason, "theo thủ thư");
}

TEST_F(ValidityTest, ATextWithoutForceHasNoState) {
  const int64_t id = add("", "Tin bài", "");
  EXPECT_EQ(on(id, "2026-01-01").state, "");
}

}  // namespace
}  // namespace kb
