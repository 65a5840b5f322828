// One patient's language and browsing: both end after the idle timeout, so the next patient finds
// the kiosk in its default language with the loop running.
#include "core/patient_session.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

LanguagesConfig two_languages() {
    LanguagesConfig l;
    l.others.push_back(LanguageOption{"es", "Español", {}});
    return l;
}

TEST(PatientSession, TheButtonNamesTheOtherLanguageAndSwitches) {
    FakeClock clock;
    PatientSession s(clock, two_languages(), 30s);
    EXPECT_TRUE(s.has_language_button());
    EXPECT_EQ(s.language(), "en");
    EXPECT_EQ(s.language_button_label(), "Español");
    s.switch_language();
    EXPECT_EQ(s.language(), "es");
    EXPECT_EQ(s.language_button_label(), "English");
    s.switch_language();
    EXPECT_EQ(s.language(), "en");
}

TEST(PatientSession, OneLanguageHasNoButton) {
    FakeClock clock;
    PatientSession s(clock, LanguagesConfig{}, 30s);
    EXPECT_FALSE(s.has_language_button());
    EXPECT_EQ(s.language_button_label(), "");
    s.switch_language();
    EXPECT_EQ(s.language(), "en");
}

TEST(PatientSession, IdleReturnsToTheDefaultLanguageAndResumesBrowsing) {
    FakeClock clock;
    PatientSession s(clock, two_languages(), 30s);
    EXPECT_FALSE(s.arrows_visible());
    EXPECT_EQ(s.next_deadline(), std::nullopt);
    s.touched();
    EXPECT_TRUE(s.arrows_visible());
    s.switch_language();
    s.browsed();
    clock.advance(20s);
    s.touched();  // still using it: the idle time starts again
    clock.advance(29s);
    EXPECT_FALSE(s.expire_if_idle().ended);
    EXPECT_TRUE(s.browsing());
    ASSERT_TRUE(s.next_deadline().has_value());
    EXPECT_EQ(*s.next_deadline(), clock.steady() + 1s);
    clock.advance(1s);
    const auto e = s.expire_if_idle();
    EXPECT_TRUE(e.ended);
    EXPECT_TRUE(e.was_browsing);
    EXPECT_TRUE(e.language_changed);
    EXPECT_EQ(s.language(), "en");
    EXPECT_FALSE(s.arrows_visible());
    EXPECT_FALSE(s.browsing());
    EXPECT_FALSE(s.expire_if_idle().ended);  // once
}

}  // namespace
}  // namespace kiosk
