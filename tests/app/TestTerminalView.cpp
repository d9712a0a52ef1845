// remote/: the console's remote terminal (issue 38) without a remote: bytes
// fed to TerminalScreen as a PTY would send them, the cells, cursor, title and
// scrollback libvterm makes of them; real key, mouse and input-method events
// on TerminalView and the bytes they give; TerminalTabs' tabs and empty
// state. With HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves two tabs of
// coloured output as terminal-view.png.

#include "ContrastSupport.h"
#include "remote/TerminalScreen.h"
#include "remote/TerminalTabs.h"
#include "remote/TerminalView.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QInputMethodEvent>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QToolButton>
#include <QWheelEvent>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <memory>

using hm::app::TerminalCell;
using hm::app::TerminalScreen;
using hm::app::TerminalTabs;
using hm::app::TerminalView;

namespace {

// "line 1\r\n" … "line <count>\r\n", as a shell loop prints them.
QByteArray tvtLines(int count, int first = 1)
{
    QByteArray bytes;
    for (int i = first; i < first + count; ++i)
        bytes += "line " + QByteArray::number(i) + "\r\n";
    return bytes;
}

QString tvtRowText(const TerminalScreen &screen, int row)
{
    return screen.lineText(screen.scrollbackLines() + row, 0, screen.cols());
}

QString tvtScrollbackText(const TerminalScreen &screen, int index)
{
    QString text;
    for (const TerminalCell &cell : screen.scrollbackLine(index))
        text += cell.width == 0 ? QString() : (cell.text.isEmpty() ? QStringLiteral(" ") : cell.text);
    while (text.endsWith(QLatin1Char(' ')))
        text.chop(1);
    return text;
}

// Everything the screen sent to the remote since the spy last was cleared.
QByteArray tvtSent(QSignalSpy &spy)
{
    QByteArray bytes;
    for (const QList<QVariant> &arguments : std::as_const(spy))
        bytes += arguments.at(0).toByteArray();
    spy.clear();
    return bytes;
}

// The middle of cell (col, row) of a view's viewport, and its left edge.
QPoint tvtCellCentre(const TerminalView &view, int col, int row)
{
    const QSize cell = view.cellSize();
    return {TerminalView::Padding + col * cell.width() + cell.width() / 2,
            TerminalView::Padding + row * cell.height() + cell.height() / 2};
}

QPoint tvtCellLeft(const TerminalView &view, int col, int row)
{
    const QSize cell = view.cellSize();
    return {TerminalView::Padding + col * cell.width() + 1,
            TerminalView::Padding + row * cell.height() + cell.height() / 2};
}

void tvtMouse(QWidget *target, QEvent::Type type, const QPoint &pos, Qt::MouseButton button,
              Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(type, QPointF(pos), QPointF(target->mapToGlobal(pos)), button, buttons,
                      modifiers);
    QApplication::sendEvent(target, &event);
}

// Presses at `from`, drags to `to` and lets go, as a user selecting text.
void tvtDrag(TerminalView &view, const QPoint &from, const QPoint &to,
             Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *viewport = view.viewport();
    tvtMouse(viewport, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, modifiers);
    tvtMouse(viewport, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton, modifiers);
    tvtMouse(viewport, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, modifiers);
}

} // namespace

class TestTerminalView : public QObject
{
    Q_OBJECT

private slots:
    void textBecomesCells();
    void sgrColoursAndAttributes();
    void ansiColoursAreReadableOnTheBackground();
    void wideCharactersTakeTwoCells();
    void cursorMovesWithEscapes();
    void linesScrollIntoTheScrollback();
    void scrollbackKeepsItsLimit();
    void resizingTheViewResizesTheScreen();
    void keysBecomeBytes();
    void inputMethodTextIsSent();
    void pasteIsBracketedWhenAsked();
    void mouseSelectsAndCopies();
    void contextMenuCopiesPastesAndClears();
    void mouseIsReportedWhenTheProgramAsks();
    void titleNamesTheTab();
    void tabsOpenCloseAndShowTheEmptyState();
    void screenshots();
};

void TestTerminalView::textBecomesCells()
{
    TerminalScreen screen(24, 80);
    QSignalSpy damaged(&screen, &TerminalScreen::damaged);
    screen.feed("hello\r\nworld");
    QCOMPARE(damaged.count(), 1); // once per feed, however many callbacks
    const QString hello = QStringLiteral("hello");
    for (int col = 0; col < hello.size(); ++col) {
        const TerminalCell cell = screen.cellAt(0, col);
        QCOMPARE(cell.text, hello.mid(col, 1));
        QCOMPARE(cell.width, 1);
        QVERIFY(cell.defaultFg);
        QVERIFY(cell.defaultBg);
        QCOMPARE(cell.fg, screen.defaultForeground());
        QCOMPARE(cell.bg, screen.defaultBackground());
    }
    QCOMPARE(screen.cellAt(0, 5).text, QString());
    QCOMPARE(tvtRowText(screen, 1), QStringLiteral("world"));
    QCOMPARE(screen.cursor(), QPoint(5, 1));
    QVERIFY(screen.cursorVisible());
    QVERIFY(damaged.at(0).at(0).toRect().contains(QRect(0, 0, 5, 2)));
}

void TestTerminalView::sgrColoursAndAttributes()
{
    TerminalScreen screen(24, 80);
    screen.feed("\x1b[31mR\x1b[1;32mG\x1b[0m\x1b[38;5;196mX\x1b[38;2;1;2;3mY\x1b[0m"
                "\x1b[7mV\x1b[0m\x1b[44;3;4;9mB\x1b[0mN\x1b[48;5;236mD");

    const TerminalCell red = screen.cellAt(0, 0);
    QCOMPARE(red.text, QStringLiteral("R"));
    QCOMPARE(red.fg, screen.paletteColor(1));
    QVERIFY(!red.defaultFg);
    QVERIFY(!red.bold);

    const TerminalCell green = screen.cellAt(0, 1);
    QCOMPARE(green.fg, screen.paletteColor(2));
    QVERIFY(green.bold);

    const TerminalCell indexed = screen.cellAt(0, 2);
    QCOMPARE(indexed.fg, QColor(255, 0, 0)); // 196: the cube's pure red
    QVERIFY(!indexed.bold);

    const TerminalCell rgb = screen.cellAt(0, 3);
    QCOMPARE(rgb.fg, QColor(1, 2, 3));

    const TerminalCell reverse = screen.cellAt(0, 4);
    QVERIFY(reverse.reverse);
    QVERIFY(reverse.defaultFg);
    QCOMPARE(reverse.fg, screen.defaultForeground());

    const TerminalCell styled = screen.cellAt(0, 5);
    QCOMPARE(styled.bg, screen.paletteColor(4));
    QVERIFY(!styled.defaultBg);
    QVERIFY(styled.italic);
    QVERIFY(styled.underline);
    QVERIFY(styled.strike);
    QVERIFY(!styled.reverse);

    const TerminalCell plain = screen.cellAt(0, 6);
    QVERIFY(plain.defaultFg && plain.defaultBg);
    QVERIFY(!plain.italic && !plain.underline && !plain.strike && !plain.bold);

    const TerminalCell grey = screen.cellAt(0, 7);
    QCOMPARE(grey.bg, screen.paletteColor(236));
    QVERIFY(screen.paletteColor(236) != screen.defaultBackground());
}

void TestTerminalView::ansiColoursAreReadableOnTheBackground()
{
    // Read back from the painted view: each colour as a reverse-video cell
    // (painted as a filled block), the background where nothing was written.
    TerminalView view;
    view.resize(600, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QByteArray bytes;
    for (int index = 1; index <= 7; ++index)
        bytes += "\x1b[3" + QByteArray::number(index) + ";7m \x1b[0m";
    view.screen()->feed(bytes);
    const QImage shot = view.viewport()->grab().toImage();
    const QColor background = shot.pixelColor(shot.width() - 2, shot.height() - 2);
    QCOMPARE(background, view.screen()->defaultBackground());
    for (int index = 1; index <= 7; ++index) {
        const QColor colour = shot.pixelColor(tvtCellCentre(view, index - 1, 0));
        QCOMPARE(colour, view.screen()->paletteColor(index));
        const double contrast = hm::test::contrastRatio(colour, background);
        QVERIFY2(contrast >= 3.0, qPrintable(QStringLiteral("colour %1 (%2): contrast %3 on %4")
                                                 .arg(index)
                                                 .arg(colour.name())
                                                 .arg(contrast, 0, 'f', 2)
                                                 .arg(background.name())));
    }
}

void TestTerminalView::wideCharactersTakeTwoCells()
{
    TerminalScreen screen(24, 80);
    screen.feed("中文");
    QCOMPARE(screen.cellAt(0, 0).text, QStringLiteral("中"));
    QCOMPARE(screen.cellAt(0, 0).width, 2);
    QCOMPARE(screen.cellAt(0, 1).width, 0);
    QCOMPARE(screen.cellAt(0, 1).text, QString());
    QCOMPARE(screen.cellAt(0, 2).text, QStringLiteral("文"));
    QCOMPARE(screen.cellAt(0, 2).width, 2);
    QCOMPARE(screen.cursor(), QPoint(4, 0));
    QCOMPARE(tvtRowText(screen, 0), QStringLiteral("中文"));

    // A combining mark stays with its letter, and a wide line survives the
    // round trip through the scrollback.
    screen.feed("e\xcc\x81\r\n");
    QCOMPARE(screen.cellAt(0, 4).text, QStringLiteral("e\u0301"));
    screen.feed(QByteArray(24, '\n'));
    QVERIFY(screen.scrollbackLines() >= 1);
    const QList<TerminalCell> line = screen.scrollbackLine(0);
    QCOMPARE(line.size(), 80);
    QCOMPARE(line.at(0).text, QStringLiteral("中"));
    QCOMPARE(line.at(0).width, 2);
    QCOMPARE(line.at(1).width, 0);
    QCOMPARE(line.at(4).text, QStringLiteral("e\u0301"));
}

void TestTerminalView::cursorMovesWithEscapes()
{
    TerminalScreen screen(24, 80);
    QSignalSpy moved(&screen, &TerminalScreen::cursorChanged);
    screen.feed("\x1b[5;10H");
    QCOMPARE(screen.cursor(), QPoint(9, 4));
    QCOMPARE(moved.count(), 1);
    screen.feed("\x1b[2A");
    QCOMPARE(screen.cursor(), QPoint(9, 2));
    screen.feed("\x1b[3C");
    QCOMPARE(screen.cursor(), QPoint(12, 2));
    screen.feed("\x1b[B\x1b[4D");
    QCOMPARE(screen.cursor(), QPoint(8, 3));
    screen.feed("\r");
    QCOMPARE(screen.cursor(), QPoint(0, 3));
    screen.feed("\x1b[3;3HX");
    QCOMPARE(screen.cellAt(2, 2).text, QStringLiteral("X"));
    QCOMPARE(screen.cursor(), QPoint(3, 2));
    screen.feed("\x1b[?25l");
    QVERIFY(!screen.cursorVisible());
    screen.feed("\x1b[?25h");
    QVERIFY(screen.cursorVisible());
    QCOMPARE(screen.cursorShape(), TerminalScreen::CursorShape::Block);
    screen.feed("\x1b[6 q");
    QCOMPARE(screen.cursorShape(), TerminalScreen::CursorShape::Bar);
    screen.feed("\x1b[4 q");
    QCOMPARE(screen.cursorShape(), TerminalScreen::CursorShape::Underline);
    screen.feed("\x1b[2 q");
    QCOMPARE(screen.cursorShape(), TerminalScreen::CursorShape::Block);
    screen.feed("\x1b[2J\x1b[H");
    QCOMPARE(screen.cursor(), QPoint(0, 0));
    QCOMPARE(screen.cellAt(2, 2).text, QString());

    // The alternate screen (a full-screen program) leaves the scrollback and
    // the main screen as they were.
    screen.feed("main");
    screen.feed("\x1b[?1049h");
    QVERIFY(screen.altScreen());
    screen.feed("\x1b[Halt");
    QCOMPARE(tvtRowText(screen, 0), QStringLiteral("alt"));
    screen.feed(tvtLines(100));
    QCOMPARE(screen.scrollbackLines(), 0);
    screen.feed("\x1b[?1049l");
    QVERIFY(!screen.altScreen());
    QCOMPARE(tvtRowText(screen, 0), QStringLiteral("main"));
}

void TestTerminalView::linesScrollIntoTheScrollback()
{
    TerminalView view;
    TerminalScreen *screen = view.screen();
    QCOMPARE(screen->rows(), 24);
    QSignalSpy changed(screen, &TerminalScreen::scrollbackChanged);
    screen->feed(tvtLines(100));
    // 100 lines and the empty one the cursor is on: 77 above the 24 rows.
    QVERIFY(screen->scrollbackLines() >= 76);
    QCOMPARE(screen->scrollbackLines(), 77);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(tvtScrollbackText(*screen, 0), QStringLiteral("line 1"));
    QCOMPARE(tvtScrollbackText(*screen, 76), QStringLiteral("line 77"));
    QCOMPARE(tvtRowText(*screen, 0), QStringLiteral("line 78"));
    QScrollBar *bar = view.verticalScrollBar();
    QCOMPARE(bar->minimum(), 0);
    QCOMPARE(bar->maximum(), 77);
    QCOMPARE(bar->value(), 77);
    QVERIFY(view.isAtBottom());

    // Scrolled up, new output leaves the view where the user put it…
    bar->setValue(10);
    QVERIFY(!view.isAtBottom());
    screen->feed(tvtLines(5, 101));
    QCOMPARE(bar->maximum(), 82);
    QCOMPARE(bar->value(), 10);
    // …and at the bottom it follows.
    view.scrollToBottom();
    screen->feed(tvtLines(3, 106));
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(bar->maximum(), 85);

    // A taller screen takes lines back from the scrollback.
    screen->resize(30, 80);
    QCOMPARE(screen->scrollbackLines(), 79);
    QCOMPARE(tvtRowText(*screen, 0), QStringLiteral("line 80"));
    QCOMPARE(bar->maximum(), 79);
}

void TestTerminalView::scrollbackKeepsItsLimit()
{
    TerminalScreen screen(24, 80);
    QCOMPARE(screen.scrollbackLimit(), 10000);
    screen.setScrollbackLimit(1000);
    const int lines = 50000;
    QSignalSpy changed(&screen, &TerminalScreen::scrollbackChanged);
    // In chunks, as a PTY delivers a flood.
    for (int first = 1; first <= lines; first += 5000)
        screen.feed(tvtLines(5000, first));
    QCOMPARE(screen.scrollbackLines(), 1000);
    // The newest 1,000 of the lines that scrolled off (all but the 23 still
    // on screen above the cursor's empty row) are kept.
    const int pushed = lines - (screen.rows() - 1);
    QCOMPARE(tvtScrollbackText(screen, 0), QStringLiteral("line %1").arg(pushed - 999));
    QCOMPARE(tvtScrollbackText(screen, 999), QStringLiteral("line %1").arg(pushed));
    int dropped = 0;
    for (const QList<QVariant> &arguments : std::as_const(changed))
        dropped += arguments.at(1).toInt();
    QCOMPARE(dropped, pushed - 1000);

    // A smaller limit drops the oldest at once; none keeps nothing.
    screen.setScrollbackLimit(10);
    QCOMPARE(screen.scrollbackLines(), 10);
    QCOMPARE(tvtScrollbackText(screen, 9), QStringLiteral("line %1").arg(pushed));
    screen.setScrollbackLimit(0);
    screen.feed(tvtLines(100));
    QCOMPARE(screen.scrollbackLines(), 0);
}

void TestTerminalView::resizingTheViewResizesTheScreen()
{
    TerminalView view;
    QSignalSpy sized(&view, &TerminalView::terminalSizeChanged);
    view.resize(640, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QSize cell = view.cellSize();
    QVERIFY(cell.width() > 0 && cell.height() > 0);
    auto expectFit = [&] {
        const QSize area = view.viewport()->size();
        const int rows = (area.height() - 2 * TerminalView::Padding) / cell.height();
        const int cols = (area.width() - 2 * TerminalView::Padding) / cell.width();
        QCOMPARE(view.screen()->rows(), rows);
        QCOMPARE(view.screen()->cols(), cols);
        QVERIFY(!sized.isEmpty());
        QCOMPARE(sized.last().at(0).toInt(), rows);
        QCOMPARE(sized.last().at(1).toInt(), cols);
    };
    QTRY_VERIFY(!sized.isEmpty());
    expectFit();

    sized.clear();
    view.resize(420, 260);
    QTRY_VERIFY(!sized.isEmpty());
    expectFit();

    // Output wraps at the new width.
    const int cols = view.screen()->cols();
    view.screen()->feed("\x1b[2J\x1b[H" + QByteArray(cols + 5, 'x'));
    QCOMPARE(view.screen()->cellAt(0, cols - 1).text, QStringLiteral("x"));
    QCOMPARE(tvtRowText(*view.screen(), 1), QString(5, QLatin1Char('x')));
    QCOMPARE(view.screen()->cursor(), QPoint(5, 1));

    // Growing again is announced too; the same size is not.
    sized.clear();
    view.resize(900, 520);
    QTRY_VERIFY(!sized.isEmpty());
    expectFit();
    const int count = int(sized.count());
    view.resize(view.size());
    QCoreApplication::processEvents();
    QCOMPARE(sized.count(), count);
}

void TestTerminalView::keysBecomeBytes()
{
    TerminalView view;
    QSignalSpy output(view.screen(), &TerminalScreen::output);

    QTest::keyClick(&view, Qt::Key_A);
    QCOMPARE(tvtSent(output), QByteArray("a"));
    QTest::keyClick(&view, 'A', Qt::ShiftModifier);
    QCOMPARE(tvtSent(output), QByteArray("A"));
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(tvtSent(output), QByteArray("\x1b[A"));
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(tvtSent(output), QByteArray("\x03"));
    QTest::keyClick(&view, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(tvtSent(output), QByteArray("\x04"));
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(tvtSent(output), QByteArray("\r"));
    QTest::keyClick(&view, Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(tvtSent(output), QByteArray("\r"));
    QTest::keyClick(&view, Qt::Key_Tab);
    QCOMPARE(tvtSent(output), QByteArray("\t"));
    QTest::keyClick(&view, Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(tvtSent(output), QByteArray("\x1b[Z"));
    QTest::keyClick(&view, Qt::Key_Backspace);
    QCOMPARE(tvtSent(output), QByteArray("\x7f"));
    QTest::keyClick(&view, Qt::Key_Escape);
    QCOMPARE(tvtSent(output), QByteArray("\x1b"));
    QTest::keyClick(&view, Qt::Key_B, Qt::AltModifier);
    QCOMPARE(tvtSent(output), QByteArray("\x1b" "b"));
    QTest::keyClick(&view, Qt::Key_Delete);
    QCOMPARE(tvtSent(output), QByteArray("\x1b[3~"));
    QTest::keyClick(&view, Qt::Key_F1);
    QCOMPARE(tvtSent(output), QByteArray("\x1bOP"));
    QTest::keyClick(&view, Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(tvtSent(output), QByteArray("\x1b[1;5C"));

    // Application cursor keys (DECCKM, as less and vim set them).
    view.screen()->feed("\x1b[?1h");
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(tvtSent(output), QByteArray("\x1bOA"));
    view.screen()->feed("\x1b[?1l");
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(tvtSent(output), QByteArray("\x1b[A"));

    // Typed text as UTF-8.
    QTest::keyClicks(&view, QStringLiteral("ls "));
    QKeyEvent eacute(QEvent::KeyPress, Qt::Key_Eacute, Qt::NoModifier, QStringLiteral("é"));
    QApplication::sendEvent(&view, &eacute);
    QCOMPARE(tvtSent(output), QByteArray("ls \xc3\xa9"));
    // AltGr (Ctrl+Alt on Windows) types its character.
    QKeyEvent altGr(QEvent::KeyPress, Qt::Key_At, Qt::ControlModifier | Qt::AltModifier,
                    QStringLiteral("@"));
    QApplication::sendEvent(&view, &altGr);
    QCOMPARE(tvtSent(output), QByteArray("@"));

    // Shift+PageUp scrolls the view and sends nothing.
    view.screen()->feed(tvtLines(60));
    QVERIFY(view.isAtBottom());
    QTest::keyClick(&view, Qt::Key_PageUp, Qt::ShiftModifier);
    QVERIFY(!view.isAtBottom());
    QCOMPARE(tvtSent(output), QByteArray());
    // Typing goes back to the bottom.
    QTest::keyClick(&view, Qt::Key_Q);
    QCOMPARE(tvtSent(output), QByteArray("q"));
    QVERIFY(view.isAtBottom());
}

void TestTerminalView::inputMethodTextIsSent()
{
    TerminalView view;
    QSignalSpy output(view.screen(), &TerminalScreen::output);
    QVERIFY(view.testAttribute(Qt::WA_InputMethodEnabled));
    QVERIFY(view.inputMethodQuery(Qt::ImEnabled).toBool());

    // Composing: nothing sent yet.
    QInputMethodEvent composing(QStringLiteral("zhong"), {});
    QApplication::sendEvent(&view, &composing);
    QCOMPARE(tvtSent(output), QByteArray());

    QInputMethodEvent committed;
    committed.setCommitString(QStringLiteral("中文"));
    QApplication::sendEvent(&view, &committed);
    QCOMPARE(tvtSent(output), QStringLiteral("中文").toUtf8());
    QVERIFY(view.inputMethodQuery(Qt::ImCursorRectangle).toRect().isValid());
}

void TestTerminalView::pasteIsBracketedWhenAsked()
{
    TerminalScreen screen(24, 80);
    QSignalSpy output(&screen, &TerminalScreen::output);
    screen.paste(QStringLiteral("echo 1\necho 2"));
    QCOMPARE(tvtSent(output), QByteArray("echo 1\recho 2"));
    QCOMPARE(output.count(), 0);

    screen.feed("\x1b[?2004h");
    screen.paste(QStringLiteral("echo 1\r\necho 2"));
    QCOMPARE(tvtSent(output), QByteArray("\x1b[200~echo 1\recho 2\x1b[201~"));
    screen.feed("\x1b[?2004l");
    screen.paste(QStringLiteral("x"));
    QCOMPARE(tvtSent(output), QByteArray("x"));

    // The view pastes the clipboard with Ctrl+Shift+V.
    TerminalView view;
    QSignalSpy viewOutput(view.screen(), &TerminalScreen::output);
    view.screen()->feed("\x1b[?2004h");
    QGuiApplication::clipboard()->setText(QStringLiteral("ls -l\n"));
    QTest::keyClick(&view, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(tvtSent(viewOutput), QByteArray("\x1b[200~ls -l\r\x1b[201~"));
}

void TestTerminalView::mouseSelectsAndCopies()
{
    TerminalView view;
    view.resize(640, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.screen()->feed("hello world\r\nsecond line\r\n中文 text");
    QVERIFY(!view.hasSelection());

    // Drag from the left edge of "h" to the left edge of the space.
    tvtDrag(view, tvtCellLeft(view, 0, 0), tvtCellLeft(view, 5, 0));
    QVERIFY(view.hasSelection());
    QCOMPARE(view.selectedText(), QStringLiteral("hello"));

    QGuiApplication::clipboard()->clear();
    QSignalSpy output(view.screen(), &TerminalScreen::output);
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("hello"));
    QCOMPARE(tvtSent(output), QByteArray()); // the remote got no ^C

    // Across lines, and backwards.
    tvtDrag(view, tvtCellLeft(view, 6, 1), tvtCellLeft(view, 6, 0));
    QCOMPARE(view.selectedText(), QStringLiteral("world\nsecond"));

    // A double-click takes a word, wide characters whole.
    tvtMouse(view.viewport(), QEvent::MouseButtonDblClick, tvtCellCentre(view, 8, 0),
             Qt::LeftButton, Qt::LeftButton);
    QCOMPARE(view.selectedText(), QStringLiteral("world"));
    tvtMouse(view.viewport(), QEvent::MouseButtonDblClick, tvtCellCentre(view, 1, 2),
             Qt::LeftButton, Qt::LeftButton);
    QCOMPARE(view.selectedText(), QStringLiteral("中文"));

    // Output that scrolls the selected text up keeps the selection…
    tvtDrag(view, tvtCellLeft(view, 0, 0), tvtCellLeft(view, 5, 0));
    QCOMPARE(view.selectedText(), QStringLiteral("hello"));
    const int rows = view.screen()->rows();
    view.screen()->feed("\x1b[" + QByteArray::number(rows) + ";1H\r\n\r\nmore output");
    QVERIFY(view.screen()->scrollbackLines() == 2);
    QVERIFY(view.hasSelection());
    QCOMPARE(view.selectedText(), QStringLiteral("hello"));
    // …and so do lines falling out of a full scrollback, until the
    // selected one falls out itself.
    view.screen()->setScrollbackLimit(2);
    tvtDrag(view, tvtCellLeft(view, 0, rows - 1), tvtCellLeft(view, 4, rows - 1));
    QCOMPARE(view.selectedText(), QStringLiteral("more"));
    view.screen()->feed("\r\n");
    QCOMPARE(view.screen()->scrollbackLines(), 2);
    QVERIFY(view.hasSelection());
    QCOMPARE(view.selectedText(), QStringLiteral("more"));
    view.screen()->feed(QByteArray(rows + 2, '\n'));
    QVERIFY(!view.hasSelection());
    view.screen()->setScrollbackLimit(1000);
    view.screen()->feed("\x1b[2J\x1b[3J\x1b[Hhello world\r\nsecond line\r\n中文 text");
    QVERIFY(!view.hasSelection());

    // New output over the selection clears it; a click clears it too.
    view.screen()->feed("\x1b[3;1Hxx");
    QVERIFY(!view.hasSelection());
    tvtDrag(view, tvtCellLeft(view, 0, 1), tvtCellLeft(view, 3, 1));
    QCOMPARE(view.selectedText(), QStringLiteral("sec"));
    tvtMouse(view.viewport(), QEvent::MouseButtonPress, tvtCellLeft(view, 2, 2), Qt::LeftButton,
             Qt::LeftButton);
    tvtMouse(view.viewport(), QEvent::MouseButtonRelease, tvtCellLeft(view, 2, 2),
             Qt::LeftButton, Qt::NoButton);
    QVERIFY(!view.hasSelection());
}

void TestTerminalView::contextMenuCopiesPastesAndClears()
{
    TerminalView view;
    view.resize(640, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.screen()->feed(tvtLines(40));
    QVERIFY(view.screen()->scrollbackLines() > 0);
    QGuiApplication::clipboard()->setText(QStringLiteral("pasted"));

    std::unique_ptr<QMenu> menu(view.createContextMenu(&view));
    auto *copyAction = menu->findChild<QAction *>(QStringLiteral("terminalCopy"));
    auto *pasteAction = menu->findChild<QAction *>(QStringLiteral("terminalPaste"));
    auto *clearAction = menu->findChild<QAction *>(QStringLiteral("terminalClearScrollback"));
    QVERIFY(copyAction && pasteAction && clearAction);
    QCOMPARE(copyAction->text(), QStringLiteral("Copy"));
    QCOMPARE(pasteAction->text(), QStringLiteral("Paste"));
    QCOMPARE(clearAction->text(), QStringLiteral("Clear scrollback"));
    QVERIFY(!copyAction->isEnabled()); // nothing selected
    QVERIFY(pasteAction->isEnabled());
    QVERIFY(clearAction->isEnabled());

    QSignalSpy output(view.screen(), &TerminalScreen::output);
    pasteAction->trigger();
    QCOMPARE(tvtSent(output), QByteArray("pasted"));
    clearAction->trigger();
    QCOMPARE(view.screen()->scrollbackLines(), 0);
    QCOMPARE(view.verticalScrollBar()->maximum(), 0);
}

void TestTerminalView::mouseIsReportedWhenTheProgramAsks()
{
    TerminalView view;
    view.resize(640, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy output(view.screen(), &TerminalScreen::output);
    QWidget *viewport = view.viewport();
    const QPoint cell = tvtCellCentre(view, 3, 2);

    // Without a mouse mode a click only selects.
    QVERIFY(!view.screen()->mouseTracking());
    tvtMouse(viewport, QEvent::MouseButtonPress, cell, Qt::LeftButton, Qt::LeftButton);
    tvtMouse(viewport, QEvent::MouseButtonRelease, cell, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(tvtSent(output), QByteArray());

    // Click reports in SGR encoding (htop, vim's mouse=a, tmux).
    view.screen()->feed("hello world\x1b[?1000h\x1b[?1006h");
    QVERIFY(view.screen()->mouseTracking());
    tvtMouse(viewport, QEvent::MouseButtonPress, cell, Qt::LeftButton, Qt::LeftButton);
    tvtMouse(viewport, QEvent::MouseButtonRelease, cell, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(tvtSent(output), QByteArray("\x1b[<0;4;3M\x1b[<0;4;3m"));
    QVERIFY(!view.hasSelection());

    QWheelEvent wheel(QPointF(cell), QPointF(viewport->mapToGlobal(cell)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &wheel);
    QCOMPARE(tvtSent(output), QByteArray("\x1b[<64;4;3M"));

    // Shift selects as usual.
    tvtDrag(view, tvtCellLeft(view, 0, 0), tvtCellLeft(view, 5, 0), Qt::ShiftModifier);
    QCOMPARE(view.selectedText(), QStringLiteral("hello"));
    QCOMPARE(tvtSent(output), QByteArray());

    view.screen()->feed("\x1b[?1000l");
    QVERIFY(!view.screen()->mouseTracking());
    tvtMouse(viewport, QEvent::MouseButtonPress, cell, Qt::LeftButton, Qt::LeftButton);
    tvtMouse(viewport, QEvent::MouseButtonRelease, cell, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(tvtSent(output), QByteArray());

    // A full-screen program without mouse reports (less) gets cursor keys
    // for the wheel; the main screen scrolls its scrollback instead.
    view.screen()->feed("\x1b[?1049h");
    QApplication::sendEvent(viewport, &wheel);
    QCOMPARE(tvtSent(output), QByteArray("\x1b[A\x1b[A\x1b[A"));
    view.screen()->feed("\x1b[?1049l");
    QApplication::sendEvent(viewport, &wheel);
    QCOMPARE(tvtSent(output), QByteArray());
}

void TestTerminalView::titleNamesTheTab()
{
    TerminalTabs tabs;
    auto *view = new TerminalView;
    tabs.addTerminal(view);
    QCOMPARE(tabs.tabText(0), QStringLiteral("Terminal 1"));

    QSignalSpy titled(view->screen(), &TerminalScreen::titleChanged);
    view->screen()->feed("\x1b]0;ops@node-7: ~\x07");
    QCOMPARE(titled.count(), 1);
    QCOMPARE(titled.at(0).at(0).toString(), QStringLiteral("ops@node-7: ~"));
    QCOMPARE(view->screen()->title(), QStringLiteral("ops@node-7: ~"));
    QCOMPARE(tabs.tabText(0), QStringLiteral("ops@node-7: ~"));

    // OSC 2, ended by ST; the same title again is no news.
    view->screen()->feed("\x1b]2;top - 12:00\x1b\\");
    QCOMPARE(tabs.tabText(0), QStringLiteral("top - 12:00"));
    view->screen()->feed("\x1b]2;top - 12:00\x1b\\");
    QCOMPARE(titled.count(), 2);

    // A long title is elided in the tab and whole in its tooltip.
    const QString longTitle =
        QStringLiteral("deploy@build-runner-eu-west-3: /srv/releases/2026-11-27/hivemind-agent");
    view->screen()->feed("\x1b]0;" + longTitle.toUtf8() + "\x07");
    QVERIFY(tabs.tabText(0) != longTitle);
    QVERIFY(tabs.tabText(0).size() < longTitle.size());
    QCOMPARE(tabs.tabToolTip(0), longTitle);
}

void TestTerminalView::tabsOpenCloseAndShowTheEmptyState()
{
    TerminalTabs tabs;
    tabs.resize(700, 400);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    QCOMPARE(tabs.objectName(), QStringLiteral("terminalTabs"));
    QLabel *empty = tabs.findChild<QLabel *>(QStringLiteral("terminalTabsEmpty"));
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("No terminal open. Press + to open one."));

    auto *plus = tabs.findChild<QToolButton *>(QStringLiteral("newTerminalTab"));
    QVERIFY(plus);
    QVERIFY(plus->isVisible());
    // Not squeezed away by an empty tab bar, and not under the empty state.
    QVERIFY(plus->height() >= plus->sizeHint().height() / 2);
    QVERIFY(!empty->geometry().intersects(plus->geometry()));
    QSignalSpy requested(&tabs, &TerminalTabs::newTabRequested);
    QTest::mouseClick(plus, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(tabs.count(), 0); // asking is all "+" does

    auto *first = new TerminalView;
    auto *second = new TerminalView;
    QCOMPARE(tabs.addTerminal(first), 0);
    QCOMPARE(tabs.addTerminal(second), 1);
    QCOMPARE(tabs.count(), 2);
    QVERIFY(!empty->isVisible());
    QCOMPARE(tabs.tabText(0), QStringLiteral("Terminal 1"));
    QCOMPARE(tabs.tabText(1), QStringLiteral("Terminal 2"));
    QCOMPARE(tabs.currentTerminal(), second);
    QVERIFY(tabs.tabsClosable());
    QCOMPARE(tabs.findChildren<TerminalView *>(QStringLiteral("terminalView")).size(), 2);

    QSignalSpy closed(&tabs, &TerminalTabs::terminalClosed);
    QPointer<TerminalView> firstAlive(first);
    emit tabs.tabBar()->tabCloseRequested(0);
    QCOMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).value<TerminalView *>(), first);
    QCOMPARE(tabs.count(), 1);
    QCOMPARE(tabs.terminalAt(0), second);
    QTRY_VERIFY(firstAlive.isNull());

    // A bell in a tab out of sight marks it until it is looked at.
    QVERIFY(!tabs.tabBar()->tabTextColor(0).isValid());
    tabs.addTerminal(new TerminalView);
    tabs.terminalAt(0)->screen()->feed("\a");
    QVERIFY(tabs.tabBar()->tabTextColor(0).isValid());
    tabs.setCurrentIndex(0);
    QVERIFY(!tabs.tabBar()->tabTextColor(0).isValid());
    emit tabs.tabBar()->tabCloseRequested(1);
    QCOMPARE(tabs.count(), 1);

    // Numbers are not reused: the next one is "Terminal 4".
    auto *third = new TerminalView;
    tabs.addTerminal(third);
    QCOMPARE(tabs.tabText(1), QStringLiteral("Terminal 4"));

    emit tabs.tabBar()->tabCloseRequested(0);
    emit tabs.tabBar()->tabCloseRequested(0);
    QCOMPARE(tabs.count(), 0);
    QCOMPARE(closed.count(), 4);
    QVERIFY(empty->isVisible());
    QVERIFY(plus->isVisible());
    QVERIFY(plus->height() >= plus->sizeHint().height() / 2);
    QVERIFY(!empty->geometry().intersects(plus->geometry()));
}

void TestTerminalView::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));

    TerminalTabs tabs;
    tabs.resize(900, 500);
    auto *shell = new TerminalView;
    auto *top = new TerminalView;
    tabs.addTerminal(top);
    tabs.addTerminal(shell);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    QTRY_VERIFY(shell->screen()->cols() > 80);
    top->screen()->feed(
        "\x1b[?1049h\x1b[H\x1b[1mtop\x1b[0m - 12:00:01 up 3 days,  load average: 0.42\r\n"
        "\x1b[7m  PID USER      %CPU COMMAND          \x1b[0m\r\n"
        "  812 hivemind   3.1 hivemind-agent\r\n");

    top->screen()->feed("\x1b]0;top - node-7\x07");
    shell->screen()->feed(
        "\x1b]0;ops@node-7: /srv/hivemind\x07"
        "\x1b[1;32mops@node-7\x1b[0m:\x1b[1;34m/srv/hivemind\x1b[0m$ ls --color\r\n"
        "\x1b[1;34magent\x1b[0m  \x1b[1;34mconfig\x1b[0m  \x1b[1;32mhivemind-agent\x1b[0m  "
        "\x1b[0;31mbackup.tar.gz\x1b[0m  README.md  \x1b[1;36mcurrent\x1b[0m -> releases/42  "
        "\x1b[30;42mshared\x1b[0m\r\n"
        "\x1b[1;32mops@node-7\x1b[0m:\x1b[1;34m/srv/hivemind\x1b[0m$ cat 說明.txt\r\n"
        "節點代理程式已連線。中文寬字元對齊測試：OK\r\n"
        "\x1b[1;32mops@node-7\x1b[0m:\x1b[1;34m/srv/hivemind\x1b[0m$ systemctl status hivemind-agent\r\n"
        "\x1b[1;32m●\x1b[0m hivemind-agent.service - HiveMind agent\r\n"
        "     Active: \x1b[1;32mactive (running)\x1b[0m since Fri 2026-11-27 09:12:44 UTC\r\n"
        "     \x1b[3mitalic\x1b[0m \x1b[4munderline\x1b[0m \x1b[9mstrike\x1b[0m "
        "\x1b[7mreverse\x1b[0m \x1b[1mbold\x1b[0m \x1b[38;2;255;140;0mtruecolor\x1b[0m\r\n"
        "\x1b[1;32mops@node-7\x1b[0m:\x1b[1;34m/srv/hivemind\x1b[0m$ tree -L 1 releases\r\n"
        "\x1b[1;34mreleases\x1b[0m\r\n├── \x1b[1;34m41\x1b[0m\r\n└── \x1b[1;34m42\x1b[0m\r\n"
        "\x1b[1;32mops@node-7\x1b[0m:\x1b[1;34m/srv/hivemind\x1b[0m$ ./colours 256\r\n");
    QByteArray bar;
    for (int row = 0; row < 2; ++row) {
        for (int index = row * 128; index < row * 128 + 128 && index < 256; index += 2)
            bar += "\x1b[48;5;" + QByteArray::number(index) + "m ";
        bar += "\x1b[0m\r\n";
    }
    QByteArray normal;
    for (int index = 0; index < 16; ++index)
        normal += "\x1b[38;5;" + QByteArray::number(index) + "m" +
                  QByteArray::number(index, 16) + "\xe2\x96\x88\xe2\x96\x88 ";
    shell->screen()->feed(bar + normal + "\x1b[0m\r\n");
    shell->screen()->feed("\x1b[1;32mops@node-7\x1b[0m:\x1b[1;34m/srv/hivemind\x1b[0m$ ");
    shell->setFocus();
    // A selection, as the user would have made it.
    tvtDrag(*shell, tvtCellLeft(*shell, 0, 3), tvtCellLeft(*shell, 6, 3));
    QApplication::processEvents();
    QVERIFY(tabs.grab().save(dir + QStringLiteral("/terminal-view.png")));
}

QTEST_MAIN(TestTerminalView)
#include "TestTerminalView.moc"
