#pragma once

// The frame of a section page: its title and subtitle at the top, then the
// page's content. The page itself never scrolls (issue 34, item 8: every
// section fits a 1024x640 window): its lists, canvases and long forms
// scroll inside, and rows of controls wrap (widgets/WrappingLayout.h).

#include <QString>

class QLabel;
class QVBoxLayout;
class QWidget;

namespace hm::app {

struct PageFrame
{
    QVBoxLayout *layout = nullptr; // the page's layout, below the subtitle
    QLabel *title = nullptr;       // objectName "pageTitle"
    QLabel *subtitle = nullptr;    // objectName "pageSubtitle", word-wrapped
};

// Builds the frame on `page` (which must have no layout yet).
PageFrame createPageFrame(QWidget *page);

} // namespace hm::app
