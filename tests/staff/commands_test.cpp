// `kiosk hash-pin` and `kiosk stats`, called as functions with real files and a real stdin pipe.
#include "cli/commands.h"
#include "core/pin_lock.h"
#include "core/usage_log.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <iostream>
#include <vector>
#include <sstream>

namespace kiosk::cli {
namespace {

struct CommandRun {
    int code = -1;
    std::string out, err;
};

CommandRun run(int (*command)(const Args&, Io), const Args& args) {
    std::ostringstream out, err;
    CommandRun r;
    r.code = command(args, Io{out, err});
    r.out = out.str();
    r.err = err.str();
    return r;
}

// Runs hash-pin in a child whose stdin is a pipe holding `input` (not a terminal).
CommandRun hash_pin_with_stdin(const std::string& input) {
    std::array<int, 2> in{}, out{};
    if (::pipe(in.data()) != 0 || ::pipe(out.data()) != 0) return {};
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(in[0], STDIN_FILENO);
        ::close(in[1]);
        ::close(out[0]);
        std::ostringstream o, e;
        const int code = hash_pin_command({}, Io{o, e});
        const std::string text = o.str() + '\x1f' + e.str();
        [[maybe_unused]] const auto n = ::write(out[1], text.data(), text.size());
        ::_exit(code);
    }
    ::close(in[0]);
    ::close(out[1]);
    [[maybe_unused]] const auto w = ::write(in[1], input.data(), input.size());
    ::close(in[1]);
    std::string text;
    std::array<char, 512> buf{};
    for (ssize_t n; (n = ::read(out[0], buf.data(), buf.size())) > 0;) {
        text.append(buf.data(), static_cast<std::size_t>(n));
    }
    ::close(out[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CommandRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    const auto sep = text.find('\x1f');
    r.out = text.substr(0, sep);
    if (sep != std::string::npos) r.err = text.substr(sep + 1);
    return r;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

TEST(HashPinCommand, PrintsAVerifiableHashAndTheTomlLine) {
    const CommandRun r = run(hash_pin_command, {"--pin", "2468"});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    const std::string hash = first_line(r.out);
    EXPECT_TRUE(verify_pin("2468", hash)) << r.out;
    EXPECT_NE(r.out.find("[staff]\npin_hash = \"" + hash + "\"\n"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("2468"), std::string::npos) << "the PIN itself must not be printed";
    EXPECT_NE(r.err.find("history"), std::string::npos) << "--pin deserves a warning";
}

TEST(HashPinCommand, ReadsOneLineFromStdinWhenItIsNotATerminal) {
    const CommandRun r = hash_pin_with_stdin("13572468\n");
    ASSERT_EQ(r.code, kExitOk) << r.err;
    EXPECT_TRUE(verify_pin("13572468", first_line(r.out))) << r.out;
}

TEST(HashPinCommand, RefusesBadPinsAndBadArguments) {
    EXPECT_EQ(run(hash_pin_command, {"--pin", "123"}).code, kExitFailure);
    EXPECT_EQ(run(hash_pin_command, {"--pin", "12ab"}).code, kExitFailure);
    const CommandRun bad = run(hash_pin_command, {"--pin", "123456789"});
    EXPECT_EQ(bad.code, kExitFailure);
    EXPECT_NE(bad.err.find("4 to 8 digits"), std::string::npos) << bad.err;
    EXPECT_EQ(run(hash_pin_command, {"--pin"}).code, kExitUsage);
    EXPECT_EQ(run(hash_pin_command, {"--bogus"}).code, kExitUsage);
    EXPECT_EQ(run(hash_pin_command, {"1234"}).code, kExitUsage);
    EXPECT_EQ(hash_pin_with_stdin("").code, kExitFailure) << "empty stdin";
    EXPECT_EQ(hash_pin_with_stdin("12\n").code, kExitFailure);
}

TEST(StatsCommand, PrintsAnAlignedTableOfDailyTotals) {
    test::TempDir tmp("kiosk-stats");
    const SystemClock clock;
    const LocalDate today = LocalDate::of(clock.wall());
    const LocalDate yesterday = today.plus_days(-1);
    std::string log;
    const auto stamp = [](LocalDate d, const char* rest) {
        return d.to_string() + "T10:00:00 " + rest + "\n";
    };
    log += stamp(today.plus_days(-30), "slide_shown old.md");   // outside the 7 days
    log += stamp(yesterday, "slide_shown 010-welcome.md");
    log += stamp(yesterday, "slide_shown 020-massage.md");
    log += stamp(yesterday, "button_opened");
    log += stamp(today, "slide_shown 010-welcome.md");
    log += stamp(today, "slip_printed");
    log += stamp(today, "callback_printed");
    log += stamp(today, "number_shown");
    const auto file = tmp.write("usage.log", log);

    const CommandRun r = run(stats_command, {"--file", file.string()});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    std::cout << r.out;
    std::istringstream lines(r.out);
    std::string line;
    std::vector<std::string> rows;
    while (std::getline(lines, line)) rows.push_back(line);
    ASSERT_EQ(rows.size(), 2U + 1U + 7U + 1U) << "title, blank, header, 7 days, total";
    const std::string& header = rows[2];
    const std::string& day_before = rows[8];
    const std::string& last = rows[9];
    const std::string& total = rows[10];
    EXPECT_EQ(day_before.rfind(yesterday.to_string(), 0), 0U);
    EXPECT_EQ(last.rfind(today.to_string(), 0), 0U);
    EXPECT_EQ(total.rfind("Total", 0), 0U);
    for (std::size_t i = 2; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].size(), header.size()) << "columns must line up: '" << rows[i] << "'";
    }
    std::istringstream t(total);
    std::string word;
    std::vector<int> numbers;
    t >> word;
    for (int n; t >> n;) numbers.push_back(n);
    EXPECT_EQ(numbers, (std::vector<int>{3, 1, 1, 1, 1})) << total;
}

TEST(StatsCommand, ReadsTheLogPathFromTheConfig) {
    test::TempDir tmp("kiosk-stats");
    const auto log = tmp.write("counters/usage.log", LocalDate::of(SystemClock{}.wall()).to_string() +
                                                         "T09:00:00 button_opened\n");
    const auto config = tmp.write("kiosk.toml", "[staff]\nstats_file = \"" + log.string() + "\"\n");
    const CommandRun r = run(stats_command, {"--config", config.string(), "--days", "1"});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    EXPECT_NE(r.out.find(log.string()), std::string::npos) << r.out;
}

TEST(StatsCommand, ErrorsAndUsage) {
    test::TempDir tmp("kiosk-stats");
    const CommandRun missing = run(stats_command, {"--file", (tmp.path() / "none.log").string()});
    EXPECT_EQ(missing.code, kExitFailure);
    EXPECT_NE(missing.err.find("none.log"), std::string::npos) << missing.err;
    EXPECT_EQ(run(stats_command, {"--days", "0"}).code, kExitUsage);
    EXPECT_EQ(run(stats_command, {"--days", "seven"}).code, kExitUsage);
    EXPECT_EQ(run(stats_command, {"--nope"}).code, kExitUsage);
    EXPECT_EQ(run(stats_command, {"--config", (tmp.path() / "missing.toml").string()}).code, kExitFailure)
        << "an explicit --config that cannot be loaded is an error";
}

}  // namespace
}  // namespace kiosk::cli
