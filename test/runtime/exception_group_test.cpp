// exception_group: contents, nested search, message.
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

}  // namespace
}  // namespace corio_test
