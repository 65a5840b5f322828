// The staff screens' geometry with no window: keys big enough for a hurried thumb, nothing off the
// card, nothing overlapping, in landscape and portrait.
#include "core/staff_panel_layout.h"

#include <gtest/gtest.h>

#include <vector>

namespace kiosk {
namespace {

struct Screen {
    int w, h;
};
const Screen kScreens[] = {{1920, 1080}, {1080, 1920}, {1280, 720}, {3840, 2160}, {1024, 768}};

TEST(StaffKeypadLayout, KeysAreBigInsideTheCardAndApart) {
    for (const Screen s : kScreens) {
        const StaffKeypadLayout k = staff_keypad_layout(s.w, s.h);
        const int shorter = std::min(s.w, s.h);
        std::vector<Rect> all = {k.title, k.pin_field, k.message, k.cancel};
        for (const StaffKey& key : k.keys) {
            EXPECT_GE(key.rect.h, shorter * 15 / 100) << s.w << "x" << s.h << ": keys must be at least 15 % of the shorter side";
            EXPECT_GE(key.rect.w, key.rect.h) << "keys are at least square";
            all.push_back(key.rect);
        }
        for (size_t i = 0; i < all.size(); ++i) {
            EXPECT_TRUE(k.card.contains(all[i])) << s.w << "x" << s.h << " part " << i << " leaves the card";
            for (size_t j = i + 1; j < all.size(); ++j)
                EXPECT_FALSE(all[i].intersects(all[j])) << s.w << "x" << s.h << ": parts " << i << " and " << j << " overlap";
        }
        EXPECT_GE(k.cancel.h, shorter / 10) << "Cancel is as easy to hit as a key";
    }
}

TEST(StaffKeypadLayout, KeysReadLikeAPhone) {
    const StaffKeypadLayout k = staff_keypad_layout(1920, 1080);
    for (int d = 1; d <= 9; ++d) {
        EXPECT_EQ(k.keys[static_cast<size_t>(d - 1)].kind, StaffKey::Kind::Digit);
        EXPECT_EQ(k.keys[static_cast<size_t>(d - 1)].digit, d);
    }
    EXPECT_EQ(k.keys[9].kind, StaffKey::Kind::Delete);
    EXPECT_EQ(k.keys[10].digit, 0);
    EXPECT_EQ(k.keys[11].kind, StaffKey::Kind::Ok);
    EXPECT_LT(k.keys[0].rect.x, k.keys[1].rect.x) << "1 is left of 2";
    EXPECT_LT(k.keys[0].rect.y, k.keys[3].rect.y) << "1 is above 4";
}

TEST(StaffPanelLayout, EverythingOnTheCardWithoutOverlap) {
    for (const Screen s : kScreens) {
        const StaffPanelLayout p = staff_panel_layout(s.w, s.h);
        const int shorter = std::min(s.w, s.h);
        const std::vector<Rect> all = {p.title,  p.close,  p.pause,      p.previous, p.next,   p.reload, p.slides_title,
                                       p.slides, p.printer, p.test_print, p.today,    p.folder, p.exit};
        for (size_t i = 0; i < all.size(); ++i) {
            EXPECT_TRUE(p.card.contains(all[i])) << s.w << "x" << s.h << " part " << i << " leaves the card";
            EXPECT_GT(all[i].w, 0) << s.w << "x" << s.h << " part " << i;
            for (size_t j = i + 1; j < all.size(); ++j)
                EXPECT_FALSE(all[i].intersects(all[j])) << s.w << "x" << s.h << ": parts " << i << " and " << j << " overlap";
        }
        for (const Rect& b : {p.close, p.pause, p.previous, p.next, p.reload, p.exit})
            EXPECT_GE(b.h, shorter / 10) << s.w << "x" << s.h << ": buttons are at least a tenth of the shorter side";
        EXPECT_GE(p.slides.h, shorter / 4) << s.w << "x" << s.h << ": the slide list keeps room for several rows";
    }
}

}  // namespace
}  // namespace kiosk
