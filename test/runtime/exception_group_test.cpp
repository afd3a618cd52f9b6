// exception_group: contents, nested search, message, split and subgroup.
#include "test_support.hpp"

namespace corio_test {
namespace {

TEST(ExceptionGroup, KeepsItsExceptionsInOrder) {
  corio::exception_group group({std::make_exception_ptr(failure(1)), std::make_exception_ptr(failure(2))});
  EXPECT_EQ(failure_ids(group), (std::vector<int>{1, 2}));
}

TEST(ExceptionGroup, WhatSaysHowManyAndQuotesTheFirst) {
  corio::exception_group group({std::make_exception_ptr(failure(1)), std::make_exception_ptr(failure(2))});
  const std::string what = group.what();
  EXPECT_NE(what.find("2 exceptions"), std::string::npos) << what;
  EXPECT_NE(what.find("\"failure 1\""), std::string::npos) << what;
  corio::exception_group odd({std::make_exception_ptr(42)});
  EXPECT_NE(std::string(odd.what()).find("1 exception;"), std::string::npos) << odd.what();
}

TEST(ExceptionGroup, ContainsSearchesNestedGroups) {
  corio::exception_group inner({std::make_exception_ptr(std::out_of_range("deep"))});
  corio::exception_group outer({std::make_exception_ptr(failure(1)), std::make_exception_ptr(inner)});
  EXPECT_TRUE(outer.contains<failure>());
  EXPECT_TRUE(outer.contains<std::out_of_range>());
  EXPECT_TRUE(outer.contains<corio::exception_group>());
  EXPECT_FALSE(outer.contains<corio::timeout_error>());
  EXPECT_FALSE(inner.contains<failure>());
}

// Issue 20: split<E>() and subgroup<E>(), as Python's ExceptionGroup.split.
struct value_error : std::invalid_argument {
  explicit value_error(int id) : std::invalid_argument("value error " + std::to_string(id)), id(id) {}
  int id;
};

const corio::exception_group& group_at(const corio::exception_group& group, std::size_t i) {
  try {
    std::rethrow_exception(group.exceptions().at(i));
  } catch (const corio::exception_group& nested) {
    return nested;  // kept alive by group's exception_ptr
  } catch (...) {
    throw std::logic_error("not a nested group");
  }
}

TEST(ExceptionGroup, SplitKeepsTheStructureOnBothSides) {
  const std::exception_ptr v1 = std::make_exception_ptr(value_error(1));
  const std::exception_ptr f2 = std::make_exception_ptr(failure(2));
  const std::exception_ptr v3 = std::make_exception_ptr(value_error(3));
  const std::exception_ptr f4 = std::make_exception_ptr(failure(4));
  const std::exception_ptr only_values = std::make_exception_ptr(corio::exception_group({v3}));
  const corio::exception_group group(
      {v1, f2, std::make_exception_ptr(corio::exception_group({v3, f4})), only_values});

  auto [values, rest] = group.split<value_error>();
  ASSERT_TRUE(values.has_value());
  ASSERT_TRUE(rest.has_value());
  // values: [v1, [v3], [v3]]: the mixed nested group split, the all-value one kept as is.
  ASSERT_EQ(values->exceptions().size(), 3u);
  EXPECT_EQ(values->exceptions()[0], v1);  // the same object, not a copy
  EXPECT_EQ(group_at(*values, 1).exceptions(), std::vector<std::exception_ptr>{v3});
  EXPECT_EQ(values->exceptions()[2], only_values);
  // rest: [f2, [f4]].
  ASSERT_EQ(rest->exceptions().size(), 2u);
  EXPECT_EQ(rest->exceptions()[0], f2);
  EXPECT_EQ(group_at(*rest, 1).exceptions(), std::vector<std::exception_ptr>{f4});
  EXPECT_FALSE(rest->contains<value_error>());
}

TEST(ExceptionGroup, SplitSidesWithNothingAreEmpty) {
  const corio::exception_group group({std::make_exception_ptr(failure(1))});
  auto [none, all] = group.split<value_error>();
  EXPECT_FALSE(none.has_value());
  ASSERT_TRUE(all.has_value());
  EXPECT_EQ(all->exceptions(), group.exceptions());
  // A base class matches everything it is a base of, the group included.
  auto [everything, nothing] = group.split<std::exception>();
  ASSERT_TRUE(everything.has_value());
  EXPECT_EQ(everything->exceptions(), group.exceptions());
  EXPECT_FALSE(nothing.has_value());
}

TEST(ExceptionGroup, SubgroupIsTheMatchingSide) {
  const std::exception_ptr v1 = std::make_exception_ptr(value_error(1));
  const corio::exception_group group({std::make_exception_ptr(failure(2)), v1});
  const std::optional<corio::exception_group> values = group.subgroup<std::invalid_argument>();
  ASSERT_TRUE(values.has_value());
  EXPECT_EQ(values->exceptions(), std::vector<std::exception_ptr>{v1});
  EXPECT_FALSE(group.subgroup<corio::timeout_error>().has_value());
}

}  // namespace
}  // namespace corio_test
