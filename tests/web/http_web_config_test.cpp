// [web] in kiosk.toml: defaults, the listen address, TLS needing both files, and errors as
// file:line with the bad setting falling back alone.
#include "core/config.h"
#include "core/web_password.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

std::string messages(const ConfigResult& r) {
    std::string all;
    for (const auto& d : r.diagnostics) all += d.to_string() + "\n";
    return all;
}

TEST(WebConfig, DefaultsListenOnPort8080AndAreEnabledWithoutAPassword) {
    const ConfigResult r = parse_config("", "kiosk.toml");
    EXPECT_EQ(r.config.web.listen, "0.0.0.0:8080");
    EXPECT_TRUE(r.config.web.enabled);
    EXPECT_TRUE(r.config.web.password_hash.empty());
    EXPECT_TRUE(r.config.web.tls_certificate.empty());
}

TEST(WebConfig, ReadsEveryKey) {
    const std::string hash = hash_web_password("a long password");
    const ConfigResult r =
        parse_config("[web]\nlisten = \"127.0.0.1:8443\"\nenabled = false\npassword_hash = \"" + hash +
                         "\"\ntls_certificate = \"/etc/kiosk/web.crt\"\ntls_key = \"/etc/kiosk/web.key\"\n"
                         "idle_minutes = 10\n",
                     "kiosk.toml");
    EXPECT_EQ(messages(r), "");
    EXPECT_EQ(r.config.web.listen, "127.0.0.1:8443");
    EXPECT_FALSE(r.config.web.enabled);
    EXPECT_EQ(r.config.web.password_hash, hash);
    EXPECT_EQ(r.config.web.tls_key, "/etc/kiosk/web.key");
    EXPECT_EQ(r.config.web.idle_minutes, 10);
}

TEST(WebConfig, BadListenIsReportedWithItsLineAndFallsBackAlone) {
    const ConfigResult r =
        parse_config("[web]\nenabled = true\nlisten = \"localhost:80800\"\nidle_minutes = 5\n", "kiosk.toml");
    const std::string m = messages(r);
    EXPECT_NE(m.find("kiosk.toml:3"), std::string::npos) << m;
    EXPECT_NE(m.find("listen"), std::string::npos) << m;
    EXPECT_EQ(r.config.web.listen, "0.0.0.0:8080");
    EXPECT_EQ(r.config.web.idle_minutes, 5) << "the other keys are applied";
}

TEST(WebConfig, OnlyOneTlsFileIsAnErrorNamingTheOther) {
    const ConfigResult r = parse_config("[web]\ntls_key = \"/etc/kiosk/web.key\"\n", "kiosk.toml");
    const std::string m = messages(r);
    EXPECT_NE(m.find("kiosk.toml:2"), std::string::npos) << m;
    EXPECT_NE(m.find("tls_certificate"), std::string::npos) << m;
}

TEST(WebConfig, MalformedHashAndUnknownKeyAreErrors) {
    const ConfigResult r = parse_config("[web]\npassword_hash = \"$y$j9T$short\"\npasword = \"x\"\n", "kiosk.toml");
    const std::string m = messages(r);
    EXPECT_NE(m.find("kiosk.toml:2"), std::string::npos) << m;
    EXPECT_NE(m.find("kiosk hash-pin --web"), std::string::npos) << m;
    EXPECT_NE(m.find("kiosk.toml:3"), std::string::npos) << m;
}

TEST(WebPassword, HashVerifiesWithThePinCheckerAndShortPasswordsAreRefused) {
    EXPECT_TRUE(validate_web_password("short"));
    EXPECT_FALSE(validate_web_password("long enough"));
    EXPECT_TRUE(hash_web_password("1234").empty());
    EXPECT_EQ(hash_web_password("long enough").rfind("$y$", 0), 0u);
}

}  // namespace
}  // namespace kiosk
