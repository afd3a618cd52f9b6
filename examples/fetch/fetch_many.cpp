// The chat server's problems, solved with the corio runtime: a rate-limited
// fetch of many pages under one timeout, each parsed off the event loop.
//
// The "network" is simulated with corio::sleep_for so the program runs
// anywhere; on virtual time (corio::virtual_clock) it finishes instantly.
// async-* finds nothing here: this is what the checks' fixes lead to.
#include <corio/corio.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using namespace std::chrono_literals;

struct page {
  std::string url;
  std::size_t words = 0;
};

// Stands in for an HTTP GET: takes a while, suspends only this task.
corio::task<std::string> http_get(const std::string &url) {
  co_await corio::sleep_for(100ms + 10ms * static_cast<int>(url.size() % 7));
  co_return "<html>" + url + " has some words in it</html>";
}

// CPU-bound work that would stall the loop: runs on a worker thread.
std::size_t count_words(const std::string &body) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : body) {
    const bool letter = c != ' ' && c != '<' && c != '>';
    words += letter && !in_word;
    in_word = letter;
  }
  return words;
}

class rate_limited_client {
public:
  explicit rate_limited_client(std::ptrdiff_t max_in_flight) : limit_(max_in_flight) {}

  corio::task<page> fetch(std::string url) {
    corio::semaphore_permit permit = co_await limit_.hold();
    std::string body = co_await http_get(url);
    std::size_t words = co_await corio::to_thread(count_words, std::move(body));
    co_return page{std::move(url), words};
  }

  // Every fetch finishes (or all are cancelled) before this returns; one
  // failure cancels the rest and arrives in a corio::exception_group.
  corio::task<std::vector<page>> fetch_many(const std::vector<std::string> &urls) {
    std::vector<corio::join_handle<page>> fetches;
    co_await corio::with_task_group([&](corio::task_group &group) -> corio::task<void> {
      for (const auto &url : urls)
        fetches.push_back(group.spawn(fetch(url)));
      co_return;
    });
    std::vector<page> pages;
    for (auto &f : fetches)
      pages.push_back(std::move(f.result()));
    co_return pages;
  }

private:
  corio::semaphore limit_;
};

corio::task<int> crawl() {
  rate_limited_client client(4);
  std::vector<std::string> urls;
  for (int i = 0; i < 20; ++i)
    urls.push_back("https://example.net/page/" + std::to_string(i));
  try {
    std::vector<page> pages = co_await corio::with_timeout(5s, client.fetch_many(urls));
    for (const auto &p : pages)
      std::printf("%s: %zu words\n", p.url.c_str(), p.words);
    co_return 0;
  } catch (const corio::timeout_error &) {
    std::printf("crawl timed out\n");
    co_return 1;
  }
}

} // namespace

int main() { return corio::run(crawl(), corio::virtual_clock{}); }
