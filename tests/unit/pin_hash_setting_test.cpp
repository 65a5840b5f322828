// A malformed [staff] pin_hash in kiosk.toml is named by file and line with how to make one,
// and does not reject the rest of the file.
#include "core/config.h"
#include "core/pin_lock.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace kiosk;

TEST(PinHashSetting, AMalformedHashIsAWarningWithItsLineAndHowToMakeOne) {
    test::TempDir dir("kiosk-pinhash");
    const auto file = dir.write("kiosk.toml",
                                "[clinic]\nname = \"Test Clinic\"\n\n[staff]\n"
                                "pin_hash = \"$y$j9T$truncated\"\n");
    const ConfigResult r = load_config(file);
    const auto d = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                [](const Diagnostic& x) { return x.message.find("pin_hash") != std::string::npos; });
    ASSERT_NE(d, r.diagnostics.end()) << "no diagnostic for the malformed pin_hash";
    EXPECT_EQ(d->file, file.string());
    EXPECT_EQ(d->line, 5);
    EXPECT_NE(d->hint.find("kiosk hash-pin"), std::string::npos) << d->to_string();
    EXPECT_NE(d->to_string().find(file.string() + ":5:"), std::string::npos) << d->to_string();
    EXPECT_EQ(r.config.clinic.name, "Test Clinic") << "the rest of the file still applies";
}

TEST(PinHashSetting, AGoodHashOrNoneSaysNothing) {
    test::TempDir dir("kiosk-pinhash");
    for (const std::string& value : {hash_pin("2468"), std::string()}) {
        const auto file = dir.write("kiosk.toml", "[staff]\npin_hash = '" + value + "'\n");
        const ConfigResult r = load_config(file);
        EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().to_string();
    }
}
