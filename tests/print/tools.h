// Test-only: the command-line tools the print tests read slips back with. A missing tool fails
// the test with the Debian package to install; nothing is skipped.
#pragma once

#include "support/process.h"

#include <gtest/gtest.h>

#include <string>

namespace kiosk::test {

inline ::testing::AssertionResult have_tool(const std::string& program, const std::string& package) {
    if (have_program(program)) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << program << " is not installed: apt-get install " << package;
}

}  // namespace kiosk::test
