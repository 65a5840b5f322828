#include "core/phone_entry.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(PhoneEntry, AcceptsSevenToFifteenDigitsAndNormalises) {
    EXPECT_EQ(validate_phone("+1 555-010-0199").value, "+15550100199");
    EXPECT_EQ(validate_phone("5550100").value, "5550100") << "7 digits";
    EXPECT_EQ(validate_phone("123456789012345").value, "123456789012345") << "15 digits";
    EXPECT_TRUE(validate_phone(" 030 - 1234 567 ").ok());
}

TEST(PhoneEntry, RejectsWithAReason) {
    EXPECT_EQ(validate_phone("").error, EntryError::PhoneEmpty);
    EXPECT_EQ(validate_phone("555010").error, EntryError::PhoneTooShort);
    EXPECT_EQ(validate_phone("1234567890123456").error, EntryError::PhoneTooLong);
    EXPECT_EQ(validate_phone("555 010 0199a").error, EntryError::PhoneBadCharacter);
    EXPECT_EQ(validate_phone("555+0100199").error, EntryError::PhoneBadCharacter) << "'+' only in front";
    EXPECT_EQ(validate_phone("++5550100199").error, EntryError::PhoneBadCharacter);
    EXPECT_EQ(validate_phone("+1 (555) 0100").error, EntryError::PhoneBadCharacter);
    EXPECT_TRUE(validate_phone("555010").value.empty()) << "no value on error";
}

TEST(PhoneEntry, NameIsOptionalLettersSpaceHyphenApostrophe) {
    EXPECT_TRUE(validate_name("").ok());
    EXPECT_EQ(validate_name("  Anne-Marie   O'Neil ").value, "Anne-Marie O'Neil");
    EXPECT_EQ(validate_name("José Ñuño").value, "José Ñuño");
    EXPECT_EQ(validate_name("O’Brien").value, "O'Brien") << "typographic apostrophe stored plain";
    EXPECT_EQ(validate_name("R2D2").error, EntryError::NameBadCharacter);
    EXPECT_EQ(validate_name("a<b>").error, EntryError::NameBadCharacter);
    EXPECT_EQ(validate_name("Ann\xC3").error, EntryError::NameBadCharacter) << "malformed UTF-8";
}

TEST(PhoneEntry, NameAtMostTwentyCharactersCountingLettersNotBytes) {
    EXPECT_TRUE(validate_name("Éléonore-Françoise A").ok()) << "20 characters, more bytes";
    EXPECT_EQ(validate_name("Éléonore-Françoise Ab").error, EntryError::NameTooLong);
}

TEST(PhoneEntry, ErrorSentencesComeFromConfig) {
    UiStrings t;
    t.invalid_phone = "Número incorrecto.";
    EXPECT_EQ(error_sentence(EntryError::PhoneTooShort, t), "Número incorrecto.");
    EXPECT_FALSE(error_sentence(EntryError::NameTooLong, t).empty());
    EXPECT_TRUE(error_sentence(EntryError::None, t).empty());
}

}  // namespace
}  // namespace kiosk
