// Mock of Catch2 v3's assertion macros (catch2/catch_test_macros.hpp): the
// macro chain and the try/catch blocks they expand to, as shipped.
#pragma once
namespace Catch {
struct ResultDisposition {
  enum Flags { Normal = 0x01, ContinueOnFailure = 0x02 };
};
struct StringRef {
  constexpr StringRef(const char *) noexcept {}
};
class AssertionHandler {
public:
  AssertionHandler(StringRef macroName, int line, StringRef capturedExpression,
                   ResultDisposition::Flags resultDisposition);
  bool allowThrows() const;
  void handleExpr(bool);
  void handleExceptionThrownAsExpected();
  void handleUnexpectedExceptionNotThrown();
  void handleUnexpectedInflightException();
  void handleThrowingCallSkipped();
  void complete();
};
} // namespace Catch

#define INTERNAL_CATCH_TRY try
#define INTERNAL_CATCH_CATCH(handler)                                                              \
  catch (...) { (handler).handleUnexpectedInflightException(); }

#define INTERNAL_CATCH_TEST(macroName, resultDisposition, ...)                                     \
  do {                                                                                             \
    Catch::AssertionHandler catchAssertionHandler(macroName, __LINE__, #__VA_ARGS__,               \
                                                  resultDisposition);                              \
    INTERNAL_CATCH_TRY { catchAssertionHandler.handleExpr(bool(__VA_ARGS__)); }                    \
    INTERNAL_CATCH_CATCH(catchAssertionHandler)                                                    \
    catchAssertionHandler.complete();                                                              \
  } while ((void)0, (false) && static_cast<const bool &>(!!(__VA_ARGS__)))

#define INTERNAL_CATCH_THROWS_AS(macroName, exceptionType, resultDisposition, expr)                \
  do {                                                                                             \
    Catch::AssertionHandler catchAssertionHandler(macroName, __LINE__, #expr ", " #exceptionType,  \
                                                  resultDisposition);                              \
    if (catchAssertionHandler.allowThrows())                                                       \
      try {                                                                                        \
        static_cast<void>(expr);                                                                   \
        catchAssertionHandler.handleUnexpectedExceptionNotThrown();                                \
      } catch (exceptionType const &) {                                                            \
        catchAssertionHandler.handleExceptionThrownAsExpected();                                   \
      } catch (...) {                                                                              \
        catchAssertionHandler.handleUnexpectedInflightException();                                 \
      }                                                                                            \
    else                                                                                           \
      catchAssertionHandler.handleThrowingCallSkipped();                                           \
    catchAssertionHandler.complete();                                                              \
  } while (false)

#define CHECK(...) INTERNAL_CATCH_TEST("CHECK", Catch::ResultDisposition::ContinueOnFailure, __VA_ARGS__)
#define REQUIRE(...) INTERNAL_CATCH_TEST("REQUIRE", Catch::ResultDisposition::Normal, __VA_ARGS__)
#define CHECK_THROWS_AS(expr, exceptionType)                                                       \
  INTERNAL_CATCH_THROWS_AS("CHECK_THROWS_AS", exceptionType,                                       \
                           Catch::ResultDisposition::ContinueOnFailure, expr)
#define REQUIRE_THROWS_AS(expr, exceptionType)                                                     \
  INTERNAL_CATCH_THROWS_AS("REQUIRE_THROWS_AS", exceptionType, Catch::ResultDisposition::Normal,   \
                           expr)
