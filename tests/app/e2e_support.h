// What every end-to-end test of tests/app shares, once: where screenshots go, the programs a test
// on a real screen needs, text matching for logs and OCR, and the REQUIRE_SCREEN guard.
#pragma once

#include "app/x_session.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::test {

// Screenshots stay here after a run (build/.../tests/app/shots), for a person to look at.
[[nodiscard]] std::filesystem::path shots_dir();

// Xvfb, xdpyinfo, xdotool, ImageMagick, zbarimg and tesseract: what a test on a real screen uses.
extern const std::vector<Tool> kScreenTools;

[[nodiscard]] bool contains(const std::string& haystack, const std::string& needle);
// OCR gets case wrong often enough ("CLOSE" for "Close"): compare ignoring it.
[[nodiscard]] bool contains_ignoring_case(const std::string& haystack, const std::string& needle);

}  // namespace kiosk::test

// A test that drives the real kiosk on screen: the tools are installed, its Xvfb started, the kiosk
// is built. `stage` is anything with an XSession member `x`.
#define REQUIRE_SCREEN(stage)                                                                   \
    do {                                                                                        \
        const std::string missing_ = ::kiosk::test::missing_tools(::kiosk::test::kScreenTools); \
        ASSERT_TRUE(missing_.empty()) << missing_;                                              \
        ASSERT_TRUE((stage).x.ok()) << (stage).x.error();                                       \
        ASSERT_TRUE(std::filesystem::exists(::kiosk::test::kiosk_binary()))                     \
            << "not built: " << ::kiosk::test::kiosk_binary();                                  \
    } while (false)
