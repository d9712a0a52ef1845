// widgets/WrappingLayout: rows that wrap when the width runs out (the filter
// bars and the settings columns, issue 34, item 8).

#include "widgets/WrappingLayout.h"

#include <QWidget>
#include <QtTest>

using hm::app::WrappingLayout;

namespace {

// A widget that prefers `hint` and may shrink to `minimum`.
class Box final : public QWidget
{
public:
    Box(QSize hint, QSize minimum, QWidget *parent, bool grows = false)
        : QWidget(parent), m_hint(hint), m_minimum(minimum)
    {
        setSizePolicy(grows ? QSizePolicy::Expanding : QSizePolicy::Preferred,
                      QSizePolicy::Preferred);
    }
    QSize sizeHint() const override { return m_hint; }
    QSize minimumSizeHint() const override { return m_minimum; }

private:
    QSize m_hint;
    QSize m_minimum;
};

} // namespace

class TestWrappingLayout : public QObject
{
    Q_OBJECT

private slots:
    void wrapsWhenTheWidthRunsOut();
    void fillRowsSharesTheLeftoverWidth();
    void hiddenItemsTakeNoRoom();
};

void TestWrappingLayout::wrapsWhenTheWidthRunsOut()
{
    QWidget host;
    auto *layout = new WrappingLayout(&host, 10, 8);
    auto *a = new Box({100, 30}, {60, 30}, &host);
    auto *b = new Box({120, 40}, {60, 40}, &host);
    auto *c = new Box({200, 20}, {150, 20}, &host);
    layout->addWidget(a);
    layout->addWidget(b);
    layout->addWidget(c);

    // One row when everything fits: 100 + 10 + 120 + 10 + 200.
    QCOMPARE(layout->sizeHint(), QSize(440, 40));
    QCOMPARE(layout->heightForWidth(440), 40);
    layout->setGeometry(QRect(0, 0, 440, 40));
    QCOMPARE(a->geometry(), QRect(0, 0, 100, 40)); // a row's items share its height
    QCOMPARE(b->geometry(), QRect(110, 0, 120, 40));
    QCOMPARE(c->geometry(), QRect(240, 0, 200, 40));

    // One pixel less: c starts a second row, 8 px below.
    QCOMPARE(layout->heightForWidth(439), 40 + 8 + 20);
    layout->setGeometry(QRect(0, 0, 439, 68));
    QCOMPARE(c->geometry(), QRect(0, 48, 200, 20));

    // Narrower than an item's preferred width: it gets the width there is,
    // never less than its minimum; the layout's minimum is the widest
    // item's minimum.
    QCOMPARE(layout->minimumSize(), QSize(150, 40));
    QCOMPARE(layout->heightForWidth(150), 30 + 8 + 40 + 8 + 20);
    layout->setGeometry(QRect(0, 0, 150, 106));
    QCOMPARE(b->geometry(), QRect(0, 38, 120, 40));
    QCOMPARE(c->geometry(), QRect(0, 86, 150, 20));
    QCOMPARE(a->geometry(), QRect(0, 0, 100, 30));
}

void TestWrappingLayout::fillRowsSharesTheLeftoverWidth()
{
    QWidget host;
    auto *layout = new WrappingLayout(&host, 16, 8);
    layout->setFillRows(true);
    auto *left = new Box({300, 50}, {200, 50}, &host, true);
    auto *fixed = new Box({50, 50}, {50, 50}, &host);
    auto *right = new Box({300, 50}, {200, 50}, &host, true);
    layout->addWidget(left);
    layout->addWidget(fixed);
    layout->addWidget(right);

    // 300 + 16 + 50 + 16 + 300 = 682; 101 px left over at 783: 50 and 51
    // to the growing ones (the last takes the rounding), none to `fixed`.
    layout->setGeometry(QRect(0, 0, 783, 50));
    QCOMPARE(left->geometry(), QRect(0, 0, 350, 50));
    QCOMPARE(fixed->geometry(), QRect(366, 0, 50, 50));
    QCOMPARE(right->geometry(), QRect(432, 0, 351, 50));

    // Too narrow for all three: `right` alone on the second row, as wide
    // as the row.
    layout->setGeometry(QRect(0, 0, 500, 108));
    QCOMPARE(right->geometry(), QRect(0, 58, 500, 50));
    QCOMPARE(left->geometry().width() + 16 + fixed->geometry().width(), 500);
}

void TestWrappingLayout::hiddenItemsTakeNoRoom()
{
    QWidget host;
    auto *layout = new WrappingLayout(&host, 10, 8);
    auto *a = new Box({100, 30}, {100, 30}, &host);
    auto *hidden = new Box({500, 90}, {500, 90}, &host);
    auto *b = new Box({100, 30}, {100, 30}, &host);
    layout->addWidget(a);
    layout->addWidget(hidden);
    layout->addWidget(b);
    hidden->hide();
    QCOMPARE(layout->sizeHint(), QSize(210, 30));
    QCOMPARE(layout->minimumSize(), QSize(100, 30));
    layout->setGeometry(QRect(0, 0, 210, 30));
    QCOMPARE(b->geometry(), QRect(110, 0, 100, 30));
}

QTEST_MAIN(TestWrappingLayout)
#include "TestWrappingLayout.moc"
