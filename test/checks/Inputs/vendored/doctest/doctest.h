// Mock of doctest's CHECK_THROWS_AS (doctest/doctest.h): the macro chain and
// the try/catch block it expands to, as shipped.
#pragma once
namespace doctest {
namespace assertType {
enum Enum { DT_CHECK_THROWS_AS, DT_REQUIRE_THROWS_AS };
}
struct ContextOptions {
  bool no_throw;
};
const ContextOptions *getContextOptions();
namespace detail {
namespace types {
template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> struct remove_const { using type = T; };
template <class T> struct remove_const<const T> { using type = T; };
} // namespace types
struct ResultBuilder {
  ResultBuilder(assertType::Enum, const char *, int, const char *, const char *, const char *);
  bool translateException();
  bool log();
  void react() const;
  bool m_threw_as;
};
} // namespace detail
} // namespace doctest

#define DOCTEST_FUNC_SCOPE_BEGIN do
#define DOCTEST_FUNC_SCOPE_END while (false)
#define DOCTEST_FUNC_SCOPE_RET(v) (void)0
#define DOCTEST_CAST_TO_VOID(...) static_cast<void>(__VA_ARGS__);
#define DOCTEST_ASSERT_LOG_REACT_RETURN(b)                                                         \
  b.log();                                                                                         \
  b.react()

#define DOCTEST_ASSERT_THROWS_AS(expr, assert_type, message, ...)                                  \
  DOCTEST_FUNC_SCOPE_BEGIN {                                                                       \
    if (!doctest::getContextOptions()->no_throw) {                                                 \
      doctest::detail::ResultBuilder DOCTEST_RB(doctest::assertType::assert_type, __FILE__,        \
                                                __LINE__, #expr, #__VA_ARGS__, message);           \
      try {                                                                                        \
        DOCTEST_CAST_TO_VOID(expr)                                                                 \
      } catch (const typename doctest::detail::types::remove_const<                                \
               typename doctest::detail::types::remove_reference<__VA_ARGS__>::type>::type &) {    \
        DOCTEST_RB.translateException();                                                           \
        DOCTEST_RB.m_threw_as = true;                                                              \
      } catch (...) {                                                                              \
        DOCTEST_RB.translateException();                                                           \
      }                                                                                            \
      DOCTEST_ASSERT_LOG_REACT_RETURN(DOCTEST_RB);                                                 \
    } else {                                                                                       \
      DOCTEST_FUNC_SCOPE_RET(false);                                                               \
    }                                                                                              \
  }                                                                                                \
  DOCTEST_FUNC_SCOPE_END

#define DOCTEST_CHECK_THROWS_AS(expr, ...)                                                         \
  DOCTEST_ASSERT_THROWS_AS(expr, DT_CHECK_THROWS_AS, "", __VA_ARGS__)
#define CHECK_THROWS_AS(expr, ...) DOCTEST_CHECK_THROWS_AS(expr, __VA_ARGS__)
