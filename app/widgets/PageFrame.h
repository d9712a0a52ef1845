#pragma once

// The frame of a section page: its title and subtitle at the top, then the
// page's content. The page itself never scrolls (issue 34, item 8: every
// section fits a 1024x640 window): its lists, canvases and long forms
// scroll inside, and rows of controls wrap (widgets/WrappingLayout.h).
//
// Every section starts the same way (the title does not jump in size or
// place when the operator moves between sections): the page's margins are
// pageMargins(), and its first row is createPageTitle's — the title, then
// its muted subtitle on the same row, wrapping when the window is narrow.

#include <QMargins>
#include <QString>

class QHBoxLayout;
class QLabel;
class QVBoxLayout;
class QWidget;

namespace hm::app {

// The margins of every section page's layout.
QMargins pageMargins();

struct PageTitle
{
    QHBoxLayout *row = nullptr; // title and subtitle; a page may add to it
    QLabel *title = nullptr;
    QLabel *subtitle = nullptr; // word-wrapped
};

// The title row, its labels named `titleName` and `subtitleName` (the
// page's layout takes the row).
PageTitle createPageTitle(QWidget *page, const QString &titleName = QStringLiteral("pageTitle"),
                          const QString &subtitleName = QStringLiteral("pageSubtitle"));

struct PageFrame
{
    QVBoxLayout *layout = nullptr; // the page's layout, below the title row
    QLabel *title = nullptr;       // objectName "pageTitle"
    QLabel *subtitle = nullptr;    // objectName "pageSubtitle", word-wrapped
};

// Builds the frame on `page` (which must have no layout yet).
PageFrame createPageFrame(QWidget *page);

} // namespace hm::app
