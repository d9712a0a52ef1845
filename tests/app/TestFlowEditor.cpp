// The flow editor's canvas (issue 11, item 2) driven as a user drives it:
// real mouse and key events on the widget found by objectName, against a
// real FlowGraphModel with a catalogue as the server's components answer.
// With HIVEMIND_SCREENSHOT_DIR set, also saves the editor with a 10-node
// flow while (busy status line) and after auto-layout in en, zh_TW and zh_CN.

#include "FlowGraphTestData.h"
#include "canvas/ComponentPalette.h"
#include "canvas/FlowEditorWidget.h"
#include "canvas/FlowItems.h"
#include "canvas/FlowMinimap.h"
#include "canvas/FlowScene.h"
#include "canvas/FlowView.h"
#include "canvas/LayoutRunner.h"
#include "canvas/QuickAddPopup.h"
#include "flowgraph/FlowFragment.h"
#include "flowgraph/FlowGraphModel.h"
#include "shell/LanguageManager.h"
#include "widgets/ComponentIcon.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSemaphore>
#include <QSettings>
#include <QStandardPaths>
#include <QToolBar>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>
#include <memory>

using namespace hm::app;

namespace {

void sendMouse(QWidget *target, QEvent::Type type, QPoint pos, Qt::MouseButton button,
               Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(type, QPointF(pos), QPointF(target->mapToGlobal(pos)), button, buttons,
                      modifiers);
    QApplication::sendEvent(target, &event);
}

// A press, moves in steps (as a hand does) and a release.
void drag(QWidget *target, QPoint from, QPoint to, Qt::MouseButton button = Qt::LeftButton,
          Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    sendMouse(target, QEvent::MouseButtonPress, from, button, button, modifiers);
    constexpr int steps = 8;
    for (int i = 1; i <= steps; ++i) {
        const QPoint p = from + (to - from) * i / steps;
        sendMouse(target, QEvent::MouseMove, p, Qt::NoButton, button, modifiers);
    }
    sendMouse(target, QEvent::MouseButtonRelease, to, button, Qt::NoButton, modifiers);
}

void click(QWidget *target, QPoint pos, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    sendMouse(target, QEvent::MouseButtonPress, pos, Qt::LeftButton, Qt::LeftButton, modifiers);
    sendMouse(target, QEvent::MouseButtonRelease, pos, Qt::LeftButton, Qt::NoButton, modifiers);
}

bool overlaps(const QRectF &a, const QRectF &b)
{
    return a.intersected(b).width() > 0.5 && a.intersected(b).height() > 0.5;
}

} // namespace

class TestFlowEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void emptyCanvasShowsHintAndPalette();
    void paletteFilters();
    void paletteListsEveryRegisteredVersion();
    void paletteDrawsBuiltinsWithTheirIcons();
    void paletteShowsDisplayNamesIconsAndCategories();
    void dropFromPaletteAddsNodeAtDropPoint();
    void paletteDoubleClickAddsWhereTheViewLooks();
    void quickAddByTyping();
    void quickAddWithTabConnectsToSelection();
    void connectByDraggingPorts();
    void refusedConnectionShowsReason();
    void moveByDragIsOneUndoStep();
    void snapToGridRoundsPositions();
    void rubberBandSelects();
    void deleteAndUndo();
    void deleteSelectedEdge();
    void copyPasteAndDuplicateMakeFreshIds();
    void zoomAndFit();
    void minimapPans();
    void minimapStepsAsideForPorts();
    void minimapToggleHidesAndPersists();
    void panWithMiddleButtonOrSpace();
    void autoLayoutIsOneStepLeftToRight();
    void autoLayoutRunsInAWorkerAsTheLayoutDoes();
    void editWhileLayingOutDropsTheStaleResult();
    void layeredFallbackLeftToRight();
    void actionsShowShortcutsAndRetranslate();
    void screenshots();

private:
    FlowView *view() const
    {
        return m_editor->findChild<FlowView *>(QStringLiteral("editor.canvas"));
    }
    QWidget *viewport() const { return view()->viewport(); }
    QAction *action(const char *name) const
    {
        return m_editor->findChild<QAction *>(QStringLiteral("action.") + QLatin1String(name));
    }
    QString status() const
    {
        return m_editor->findChild<QLabel *>(QStringLiteral("editor.status"))->text();
    }
    QString addNode(const QString &component, QPointF pos)
    {
        auto added = m_model->addNode(component, QStringLiteral("1.0.0"), pos);
        if (!added)
            qFatal("addNode: %s", qPrintable(added.error().message));
        return added.value();
    }
    QPoint portPos(const QString &node, PortDirection direction, const QString &port) const
    {
        return view()->mapFromScene(
            m_editor->scene()->nodeItem(node)->portScenePos(direction, port));
    }
    // A point on the node's header, away from ports.
    QPoint headerPos(const QString &node) const
    {
        const FlowNodeItem *item = m_editor->scene()->nodeItem(node);
        return view()->mapFromScene(item->pos() + QPointF(item->size().width() / 2, 12));
    }
    QStringList tenNodeDag();
    // Triggers auto-layout and waits for its end; whether it applied.
    bool layOut()
    {
        QSignalSpy finished(m_editor.get(), &FlowEditorWidget::layoutFinished);
        action("autoLayout")->trigger();
        if (!finished.wait(20000))
            return false;
        return finished.first().first().toBool();
    }
    // Saves the editor while it lays the flow out again (the worker held
    // at the runner's gate): the busy status line. True when saved and the
    // layout then finished.
    bool saveWhileLayingOut(const QString &file)
    {
        QSemaphore gate;
        m_editor->layoutRunner()->setGateForTests([&gate] { gate.acquire(); });
        QSignalSpy finished(m_editor.get(), &FlowEditorWidget::layoutFinished);
        action("autoLayout")->trigger();
        bool saved = false;
        if (m_editor->isLayingOut()) {
            QApplication::processEvents();
            saved = m_editor->grab().save(file);
        }
        gate.release();
        const bool done = finished.wait(20000);
        m_editor->layoutRunner()->setGateForTests({});
        return saved && done;
    }

    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<FlowGraphModel> m_model;
    std::unique_ptr<FlowEditorWidget> m_editor;
};

void TestFlowEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestFlowEditor::init()
{
    // The minimap's toggle is remembered: each test starts from the default.
    QSettings().remove(QStringLiteral("flowEditor/minimap"));
    m_model = std::make_unique<FlowGraphModel>();
    m_model->setCatalogue(flowgraphtest::catalogue());
    m_editor = std::make_unique<FlowEditorWidget>(m_model.get());
    m_editor->resize(1200, 760);
    m_editor->show();
    QApplication::setActiveWindow(m_editor.get());
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    view()->setFocus();
    view()->setZoom(1.0);
    view()->centerOn(400, 200);
}

void TestFlowEditor::cleanup()
{
    m_editor.reset();
    QSettings().remove(QStringLiteral("flowEditor/minimap"));
    m_model.reset();
}

void TestFlowEditor::emptyCanvasShowsHintAndPalette()
{
    QVERIFY(view());
    QVERIFY(view()->minimap()->isHidden());
    // The hint is painted on the empty canvas: the viewport is not just
    // background and grid there.
    const QImage image = viewport()->grab().toImage();
    const FlowCanvasStyle &style = m_editor->scene()->canvasStyle();
    const QSet<QRgb> canvas{style.background.rgb(), style.gridMinor.rgb(), style.gridMajor.rgb()};
    const int y = image.height() / 2;
    int other = 0;
    for (int x = image.width() / 2 - 150; x < image.width() / 2 + 150; ++x) {
        if (!canvas.contains(image.pixel(x, y) | 0xff000000u))
            ++other;
    }
    QVERIFY2(other > 200, "no empty-state hint drawn");
    auto *list = m_editor->findChild<QTreeWidget *>(QStringLiteral("editor.palette.list"));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Built-in"));
    QCOMPARE(list->topLevelItem(1)->text(0), QStringLiteral("Registered"));
    QCOMPARE(list->topLevelItem(0)->childCount(), 3); // noop, log, condition
}

void TestFlowEditor::paletteFilters()
{
    auto *search = m_editor->findChild<QLineEdit *>(QStringLiteral("editor.palette.search"));
    QVERIFY(search);
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("image"));
    const QList<ComponentRef> visible = m_editor->palette()->visibleComponents();
    QCOMPARE(visible.size(), 2);
    QCOMPARE(visible[0].name, QStringLiteral("image-download"));
    QCOMPARE(visible[1].name, QStringLiteral("image-resize"));
    auto *list = m_editor->findChild<QTreeWidget *>(QStringLiteral("editor.palette.list"));
    QVERIFY(list->topLevelItem(0)->isHidden()); // no built-in matches
}

void TestFlowEditor::paletteListsEveryRegisteredVersion()
{
    // Built-ins once (the newest), registered components per version with
    // their health, deprecated ones marked; service endpoints by service.
    ComponentCatalogue catalogue = flowgraphtest::catalogue();
    auto registered = [&](const QString &version, const QString &health, const QString &status) {
        ComponentCatalogue::Entry entry;
        entry.interface.name = QStringLiteral("geo");
        entry.interface.version = version;
        entry.health = health;
        entry.status = status;
        entry.item =
            QJsonObject{{QStringLiteral("deprecated"), status == QLatin1String("deprecated")}};
        catalogue.add(entry);
    };
    registered(QStringLiteral("1.2.0"), QStringLiteral("healthy"), QStringLiteral("active"));
    registered(QStringLiteral("1.10.0"), QStringLiteral("unhealthy"), QStringLiteral("active"));
    registered(QStringLiteral("0.9.0"), QStringLiteral("degraded"), QStringLiteral("deprecated"));
    hm::flow::ComponentInterface service;
    service.name = QStringLiteral("service");
    service.version = QStringLiteral("1.0.0");
    catalogue.add(service, true);
    catalogue.setServiceEndpoints(
        {{QStringLiteral("s1"), QStringLiteral("Maps"), QStringLiteral("e1"),
          QStringLiteral("route"), QStringLiteral("POST"), QStringLiteral("/route"),
          QStringLiteral("Plan a route")}});
    m_editor->palette()->setCatalogue(catalogue);
    m_editor->palette()->setFilter(QStringLiteral("geo"));
    const QList<ComponentRef> visible = m_editor->palette()->visibleComponents();
    QCOMPARE(visible.size(), 3);
    QCOMPARE(visible[0].version, QStringLiteral("1.10.0")); // newest first
    QCOMPARE(visible[1].version, QStringLiteral("1.2.0"));
    QCOMPARE(visible[2].version, QStringLiteral("0.9.0"));
    auto *list = m_editor->findChild<QTreeWidget *>(QStringLiteral("editor.palette.list"));
    const QTreeWidgetItem *group = list->topLevelItem(1);
    QCOMPARE(group->text(0), QStringLiteral("Registered"));
    QCOMPARE(group->child(0)->text(0), QStringLiteral("geo 1.10.0"));
    QCOMPARE(group->child(2)->text(0), QStringLiteral("geo 0.9.0 (deprecated)"));
    QVERIFY(group->child(2)->font(0).italic());
    QVERIFY(group->child(0)->toolTip(0).contains(QStringLiteral("unhealthy")));
    QVERIFY(!group->child(0)->icon(0).isNull());
    // The health badge (a dot on the icon's bottom-right corner) differs
    // between healthy and unhealthy.
    const QImage healthy = group->child(1)->icon(0).pixmap(16, 16).toImage();
    const QImage unhealthy = group->child(0)->icon(0).pixmap(16, 16).toImage();
    QVERIFY(healthy.pixel(13, 13) != unhealthy.pixel(13, 13));

    m_editor->palette()->setFilter(QStringLiteral("route"));
    const QList<ComponentRef> endpoints = m_editor->palette()->visibleComponents();
    QCOMPARE(endpoints.size(), 1);
    QCOMPARE(endpoints[0].name, QStringLiteral("service"));
    QCOMPARE(endpoints[0].config.value(QStringLiteral("endpointId")).toString(),
             QStringLiteral("e1"));
    QCOMPARE(list->topLevelItem(2)->text(0), QStringLiteral("Services"));
    QCOMPARE(list->topLevelItem(2)->child(0)->child(0)->text(0),
             QStringLiteral("POST /route \u2014 Plan a route"));
}

void TestFlowEditor::paletteDrawsBuiltinsWithTheirIcons()
{
    // An older server lists built-ins without an icon: the console's own
    // choice; a newer one names it, and that wins. Either way each has its
    // icon, as registered components do, so the names line up.
    ComponentCatalogue catalogue = flowgraphtest::catalogue();
    hm::flow::ComponentInterface delay;
    delay.name = QStringLiteral("delay");
    delay.version = QStringLiteral("1.0.0");
    ComponentCatalogue::Entry named;
    named.interface = delay;
    named.builtin = true;
    named.item = QJsonObject{{QStringLiteral("icon"), QStringLiteral("bell")}};
    catalogue.add(named);
    ComponentPalette *palette = m_editor->palette();
    palette->setCatalogue(catalogue);
    palette->setFilter(QString());
    auto *list = m_editor->findChild<QTreeWidget *>(QStringLiteral("editor.palette.list"));
    const QTreeWidgetItem *builtins = list->topLevelItem(0);
    QCOMPARE(builtins->text(0), QStringLiteral("Built-in"));
    const auto picture = [](const QIcon &icon) {
        return icon.pixmap(QSize(16, 16), 2.0).toImage();
    };
    QHash<QString, QImage> drawn;
    for (int i = 0; i < builtins->childCount(); ++i) {
        const QTreeWidgetItem *item = builtins->child(i);
        QVERIFY2(!item->icon(0).isNull(), qPrintable(item->text(0)));
        drawn.insert(item->text(0), picture(item->icon(0)));
    }
    const QPalette colours = palette->palette();
    QCOMPARE(drawn.value(QStringLiteral("condition")),
             picture(ComponentIcon::icon(QStringLiteral("filter"), colours)));
    QCOMPARE(drawn.value(QStringLiteral("log")),
             picture(ComponentIcon::icon(QStringLiteral("message"), colours)));
    QCOMPARE(drawn.value(QStringLiteral("delay")),
             picture(ComponentIcon::icon(QStringLiteral("bell"), colours)));
}

void TestFlowEditor::paletteShowsDisplayNamesIconsAndCategories()
{
    // Registered components under their category (the uncategorised under
    // "No category", last), with their display name and icon; search finds
    // them by name, display name or category.
    ComponentCatalogue catalogue = flowgraphtest::catalogue();
    auto registered = [&](const QString &name, const QJsonObject &fields) {
        ComponentCatalogue::Entry entry;
        entry.interface.name = name;
        entry.interface.version = QStringLiteral("1.0.0");
        entry.health = QStringLiteral("healthy");
        entry.status = QStringLiteral("active");
        entry.item = fields;
        catalogue.add(entry);
    };
    registered(QStringLiteral("img-resize"),
               {{"display_name", "Resize image"}, {"category", "media"}, {"icon", "resize"}});
    registered(QStringLiteral("img-thumb"),
               {{"display_name", "Thumbnail"}, {"category", "media"}, {"icon", "image"}});
    registered(QStringLiteral("s3-put"), {{"category", "cloud"}, {"icon", "no-such-icon"}});
    registered(QStringLiteral("plain"), {});
    ComponentPalette *palette = m_editor->palette();
    palette->setCatalogue(catalogue);
    palette->setFilter(QString());
    auto *list = m_editor->findChild<QTreeWidget *>(QStringLiteral("editor.palette.list"));
    const QTreeWidgetItem *group = list->topLevelItem(1);
    QCOMPARE(group->text(0), QStringLiteral("Registered"));
    QStringList categories;
    for (int i = 0; i < group->childCount(); ++i)
        categories << group->child(i)->text(0);
    QCOMPARE(categories, (QStringList{QStringLiteral("cloud"), QStringLiteral("media"),
                                      QStringLiteral("No category")}));
    const QTreeWidgetItem *image = group->child(1);
    QCOMPARE(image->childCount(), 2);
    QCOMPARE(image->child(0)->text(0), QStringLiteral("Resize image 1.0.0"));
    QCOMPARE(image->child(1)->text(0), QStringLiteral("Thumbnail 1.0.0"));
    QVERIFY(image->child(0)->toolTip(0).contains(QStringLiteral("img-resize")));
    QCOMPARE(group->child(0)->child(0)->text(0), QStringLiteral("s3-put 1.0.0"));
    const QTreeWidgetItem *none = group->child(2);
    const QTreeWidgetItem *plain = nullptr;
    for (int i = 0; i < none->childCount(); ++i) {
        if (none->child(i)->text(0) == QLatin1String("plain 1.0.0"))
            plain = none->child(i);
    }
    QVERIFY(plain);
    // With HIVEMIND_SCREENSHOT_DIR set: the palette as it looks (docs/screenshots).
    if (const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        palette->resize(260, 560);
        QApplication::processEvents();
        QVERIFY(palette->grab().save(dir + QStringLiteral("/palette-categories-en.png")));
    }
    // Icons: crisp at 2x (drawn at 32 px), each its own; an unknown name
    // and no icon both get the neutral box.
    const auto picture = [](const QTreeWidgetItem *item) {
        return item->icon(0).pixmap(QSize(16, 16), 2.0).toImage();
    };
    QCOMPARE(picture(image->child(0)).size(), QSize(32, 32));
    QVERIFY(picture(image->child(0)) != picture(image->child(1)));
    QVERIFY(picture(image->child(0)) != picture(plain));
    QCOMPARE(picture(group->child(0)->child(0)), picture(plain));
    // A theme switch (a new palette) draws them again in its grey.
    // (Opaque stroke pixels, give or take rounding.)
    const auto hasColour = [](const QImage &image, const QColor &colour) {
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor pixel = image.pixelColor(x, y);
                if (pixel.alpha() == 255 && qAbs(pixel.red() - colour.red()) <= 8 &&
                    qAbs(pixel.green() - colour.green()) <= 8 &&
                    qAbs(pixel.blue() - colour.blue()) <= 8)
                    return true;
            }
        return false;
    };
    QVERIFY(hasColour(picture(plain), ComponentIcon::colour(palette->palette())));
    // In place: the selected item stays the same item, selected, and the
    // list does not scroll back to the top.
    auto *plainItem = const_cast<QTreeWidgetItem *>(plain);
    list->setCurrentItem(plainItem);
    list->scrollToItem(plainItem, QAbstractItemView::PositionAtBottom);
    const int scrolled = list->verticalScrollBar()->value();
    QPalette dark = palette->palette();
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x22));
    palette->setPalette(dark);
    QCOMPARE(list->findItems(QStringLiteral("plain 1.0.0"), Qt::MatchRecursive),
             QList<QTreeWidgetItem *>{plainItem});
    QVERIFY(hasColour(picture(plainItem), ComponentIcon::colour(dark)));
    QCOMPARE(list->currentItem(), plainItem);
    QVERIFY(plainItem->isSelected());
    QCOMPARE(list->verticalScrollBar()->value(), scrolled);
    // The search stays too: the same matches, the same text.
    palette->setFilter(QStringLiteral("media"));
    QCOMPARE(palette->visibleComponents().size(), 2);
    const QList<QTreeWidgetItem *> thumbnail =
        list->findItems(QStringLiteral("Thumbnail 1.0.0"), Qt::MatchRecursive);
    QCOMPARE(thumbnail.size(), 1);
    list->setCurrentItem(thumbnail.first());
    palette->setPalette(QPalette());
    QCOMPARE(m_editor->findChild<QLineEdit *>(QStringLiteral("editor.palette.search"))->text(),
             QStringLiteral("media"));
    QCOMPARE(palette->visibleComponents().size(), 2);
    QCOMPARE(list->selectedItems(), thumbnail);
    QVERIFY(hasColour(picture(thumbnail.first()), ComponentIcon::colour(palette->palette())));
    // Dragging still gives the component's name, not its display name.
    palette->setFilter(QStringLiteral("thumbnail"));
    QList<ComponentRef> visible = palette->visibleComponents();
    QCOMPARE(visible.size(), 1);
    QCOMPARE(visible[0].name, QStringLiteral("img-thumb"));
    palette->setFilter(QStringLiteral("media"));
    visible = palette->visibleComponents();
    QCOMPARE(visible.size(), 2); // by category
    palette->setFilter(QStringLiteral("img resize"));
    QCOMPARE(palette->visibleComponents().size(), 1);

    palette->setCatalogue(flowgraphtest::catalogue());
    palette->setFilter(QString());
}

void TestFlowEditor::dropFromPaletteAddsNodeAtDropPoint()
{
    m_editor->palette()->setFilter(QStringLiteral("condition"));
    auto *list = m_editor->findChild<QTreeWidget *>(QStringLiteral("editor.palette.list"));
    const QTreeWidgetItem *item = list->topLevelItem(0)->child(0);
    QVERIFY(item);
    // The drag data as the palette makes it for a drag of that item.
    std::unique_ptr<QMimeData> mime(
        list->model()->mimeData({list->model()->index(0, 0, list->model()->index(0, 0))}));
    QVERIFY(mime && mime->hasFormat(kComponentMimeType));

    const QPoint drop(300, 250);
    QDragEnterEvent enter(drop, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(drop, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport(), &move);
    QVERIFY(move.isAccepted());
    QDropEvent dropEvent(QPointF(drop), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport(), &dropEvent);
    QCOMPARE(m_model->nodeCount(), 1);
    const FlowNode *node = m_model->node(m_model->nodeIds().first());
    QCOMPARE(node->component, QStringLiteral("condition"));
    QCOMPARE(node->position, view()->mapToScene(drop));
    // The condition's true/false handles are its output ports.
    QStringList outputs;
    for (const FlowPortItem *p : m_editor->scene()->nodeItem(node->id)->ports()) {
        if (p->port().direction == PortDirection::Out)
            outputs << p->port().name;
    }
    QCOMPARE(outputs, (QStringList{QStringLiteral("true"), QStringLiteral("false")}));
    QVERIFY(m_editor->scene()->nodeItem(node->id)->isSelected());
    QTRY_VERIFY(!view()->minimap()->isHidden());
}

void TestFlowEditor::quickAddByTyping()
{
    const QPoint at(420, 300);
    sendMouse(viewport(), QEvent::MouseMove, at, Qt::NoButton, Qt::NoButton);
    QTest::keyClick(view(), Qt::Key_I);
    QuickAddPopup *popup = view()->quickAddPopup();
    QVERIFY(popup);
    QVERIFY(popup->isVisible());
    QCOMPARE(popup->searchField()->text(), QStringLiteral("i"));
    QTest::keyClicks(popup->searchField(), QStringLiteral("mage-r"));
    QCOMPARE(popup->list()->count(), 1);
    QTest::keyClick(popup->searchField(), Qt::Key_Return);
    QCOMPARE(m_model->nodeCount(), 1);
    const FlowNode *node = m_model->node(m_model->nodeIds().first());
    QCOMPARE(node->component, QStringLiteral("image-resize"));
    QCOMPARE(node->position, view()->mapToScene(at));
    QTRY_VERIFY(!view()->quickAddPopup());
}

// Without dragging: a double click (or Enter) on a palette item adds it
// where the canvas is looking, never on top of the node already there,
// after the selected node; each is one undo step; a group's header adds
// nothing.
void TestFlowEditor::paletteDoubleClickAddsWhereTheViewLooks()
{
    auto *list = m_editor->findChild<QTreeWidget *>(QStringLiteral("editor.palette.list"));
    QTreeWidgetItem *group = list->topLevelItem(0);
    QTreeWidgetItem *noop = nullptr;
    QTreeWidgetItem *log = nullptr;
    for (int i = 0; i < group->childCount(); ++i) {
        if (group->child(i)->text(0) == u"noop")
            noop = group->child(i);
        if (group->child(i)->text(0) == u"log")
            log = group->child(i);
    }
    QVERIFY(noop && log);
    // A double click as a mouse makes it: a click, then the second press.
    const auto doubleClick = [list](const QTreeWidgetItem *item) {
        const QPoint at = list->visualItemRect(item).center();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at);
    };
    doubleClick(noop);
    QCOMPARE(m_model->nodeCount(), 1);
    const QString first = m_model->nodeIds().first();
    QCOMPARE(m_model->node(first)->component, QStringLiteral("noop"));
    const QRectF visible = view()->mapToScene(view()->viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(m_model->node(first)->position));
    QVERIFY(m_editor->scene()->nodeItem(first)->isSelected());
    QVERIFY(view()->hasFocus());

    // Enter on the next: after the selected one, connected, not on top of it.
    list->setFocus();
    list->setCurrentItem(log);
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(m_model->nodeCount(), 2);
    QCOMPARE(m_model->edgeCount(), 1);
    const FlowEdge *edge = m_model->edge(m_model->edgeIds().first());
    QCOMPARE(edge->source, first);
    const QString second = edge->target;
    QCOMPARE(m_model->node(second)->component, QStringLiteral("log"));
    // To its right, as a flow reads.
    QVERIFY(m_editor->scene()->nodeItem(second)->sceneBoundingRect().left() >
            m_editor->scene()->nodeItem(first)->sceneBoundingRect().right());
    m_model->undoStack()->undo();
    QCOMPARE(m_model->nodeCount(), 1);
    QCOMPARE(m_model->edgeCount(), 0);

    // Nothing selected, the centre taken: below it, not on top.
    m_editor->scene()->selectNodes({});
    doubleClick(noop);
    QCOMPARE(m_model->nodeCount(), 2);
    QCOMPARE(m_model->edgeCount(), 0);
    QStringList ids = m_model->nodeIds();
    ids.removeOne(first);
    QVERIFY(!m_editor->scene()->nodeItem(first)->sceneBoundingRect().intersects(
        m_editor->scene()->nodeItem(ids.first())->sceneBoundingRect()));

    // A group's header is not a component.
    doubleClick(group);
    QCOMPARE(m_model->nodeCount(), 2);
}

void TestFlowEditor::quickAddWithTabConnectsToSelection()
{
    const QString first = addNode(QStringLiteral("image-download"), {0, 0});
    click(viewport(), headerPos(first));
    QVERIFY(m_editor->scene()->nodeItem(first)->isSelected());
    sendMouse(viewport(), QEvent::MouseMove, headerPos(first) + QPoint(300, 0), Qt::NoButton,
              Qt::NoButton);
    QTest::keyClick(view(), Qt::Key_Tab);
    QuickAddPopup *popup = view()->quickAddPopup();
    QVERIFY(popup);
    QTest::keyClicks(popup->searchField(), QStringLiteral("log"));
    QTest::keyClick(popup->searchField(), Qt::Key_Enter);
    QCOMPARE(m_model->nodeCount(), 2);
    QCOMPARE(m_model->edgeCount(), 1);
    const FlowEdge *edge = m_model->edge(m_model->edgeIds().first());
    QCOMPARE(edge->source, first);
    // Adding and connecting are one step.
    m_model->undoStack()->undo();
    QCOMPARE(m_model->nodeCount(), 1);
    QCOMPARE(m_model->edgeCount(), 0);
}

void TestFlowEditor::connectByDraggingPorts()
{
    const QString download = addNode(QStringLiteral("image-download"), {0, 0});
    const QString resize = addNode(QStringLiteral("image-resize"), {360, 40});
    drag(viewport(), portPos(download, PortDirection::Out, kDefaultPort),
         portPos(resize, PortDirection::In, QStringLiteral("image")));
    QCOMPARE(m_model->edgeCount(), 1);
    const FlowEdge *edge = m_model->edge(m_model->edgeIds().first());
    QCOMPARE(edge->source, download);
    QCOMPARE(edge->sourceHandle, kDefaultPort);
    QCOMPARE(edge->target, resize);
    QCOMPARE(edge->targetHandle, QStringLiteral("image"));
    QVERIFY(m_editor->scene()->edgeItem(edge->id));
    // Dropping on empty canvas connects nothing: quick add offers what
    // could follow, and closing it leaves the graph as it was.
    drag(viewport(), portPos(download, PortDirection::Out, kDefaultPort), QPoint(700, 600));
    QCOMPARE(m_model->edgeCount(), 1);
    QuickAddPopup *popup = view()->quickAddPopup();
    QVERIFY(popup);
    QVERIFY(popup->sourceType().has_value());
    popup->close();
    QTRY_VERIFY(!view()->quickAddPopup());
    QCOMPARE(m_model->nodeCount(), 2);
}

void TestFlowEditor::refusedConnectionShowsReason()
{
    const QString a = addNode(QStringLiteral("noop"), {0, 0});
    const QString b = addNode(QStringLiteral("noop"), {300, 0});
    drag(viewport(), portPos(a, PortDirection::Out, kDefaultPort),
         portPos(b, PortDirection::In, kDefaultPort));
    QCOMPARE(m_model->edgeCount(), 1);
    // b → a would close a loop.
    const ConnectionCheck expected =
        m_model->connectionPossible({b, kDefaultPort, a, kDefaultPort});
    QCOMPARE(expected.code, ConnectionCheck::Code::Cycle);
    drag(viewport(), portPos(b, PortDirection::Out, kDefaultPort),
         portPos(a, PortDirection::In, kDefaultPort));
    QCOMPARE(m_model->edgeCount(), 1);
    QVERIFY(!expected.message.isEmpty());
    QCOMPARE(status(), expected.message);
    // Type mismatch too: a boolean output cannot feed a bytes input.
    const QString flag = addNode(QStringLiteral("flag"), {0, 300});
    const QString resize = addNode(QStringLiteral("image-resize"), {300, 300});
    drag(viewport(), portPos(flag, PortDirection::Out, kDefaultPort),
         portPos(resize, PortDirection::In, QStringLiteral("image")));
    QCOMPARE(m_model->edgeCount(), 1);
    QCOMPARE(
        status(),
        m_model->connectionPossible({flag, kDefaultPort, resize, QStringLiteral("image")}).message);
}

void TestFlowEditor::moveByDragIsOneUndoStep()
{
    const QString a = addNode(QStringLiteral("noop"), {0, 0});
    const QString b = addNode(QStringLiteral("log"), {300, 0});
    // Select both (Ctrl+click adds), then drag one: both move.
    click(viewport(), headerPos(a));
    click(viewport(), headerPos(b), Qt::ControlModifier);
    QCOMPARE(m_editor->scene()->selectedNodeIds(), (QStringList{a, b}));
    const int steps = m_model->undoStack()->count();
    drag(viewport(), headerPos(a), headerPos(a) + QPoint(100, 60));
    QCOMPARE(m_model->node(a)->position, QPointF(100, 60));
    QCOMPARE(m_model->node(b)->position, QPointF(400, 60));
    QCOMPARE(m_editor->scene()->nodeItem(a)->pos(), QPointF(100, 60));
    QCOMPARE(m_model->undoStack()->count(), steps + 1);
    // The drag kept the selection.
    QCOMPARE(m_editor->scene()->selectedNodeIds(), (QStringList{a, b}));
    action("undo")->trigger();
    QCOMPARE(m_model->node(a)->position, QPointF(0, 0));
    QCOMPARE(m_model->node(b)->position, QPointF(300, 0));
    QCOMPARE(m_editor->scene()->nodeItem(b)->pos(), QPointF(300, 0));
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_model->node(a)->position, QPointF(100, 60));
}

void TestFlowEditor::snapToGridRoundsPositions()
{
    const QString a = addNode(QStringLiteral("noop"), {3, 7});
    QVERIFY(!action("snap")->isChecked());
    QTest::keyClick(view(), Qt::Key_G, Qt::ControlModifier);
    QVERIFY(action("snap")->isChecked());
    click(viewport(), headerPos(a));
    drag(viewport(), headerPos(a), headerPos(a) + QPoint(37, 23));
    const QPointF p = m_model->node(a)->position;
    // 3 + 37 = 40 and 7 + 23 = 30, which rounds to 40 on a 20 grid.
    QCOMPARE(p, QPointF(40, 40));
}

void TestFlowEditor::rubberBandSelects()
{
    const QString a = addNode(QStringLiteral("noop"), {0, 0});
    const QString b = addNode(QStringLiteral("noop"), {300, 0});
    const QString c = addNode(QStringLiteral("noop"), {0, 400});
    const QPoint from = view()->mapFromScene(QPointF(-30, -30));
    const QPoint to = view()->mapFromScene(QPointF(520, 120));
    drag(viewport(), from, to);
    QCOMPARE(m_editor->scene()->selectedNodeIds(), (QStringList{a, b}));
    QTest::keyClick(view(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(m_editor->scene()->selectedNodeIds(), (QStringList{a, b, c}));
}

void TestFlowEditor::deleteAndUndo()
{
    const QString a = addNode(QStringLiteral("noop"), {0, 0});
    const QString b = addNode(QStringLiteral("noop"), {300, 0});
    QVERIFY(m_model->addConnection({a, kDefaultPort, b, kDefaultPort}));
    click(viewport(), headerPos(a));
    QTest::keyClick(view(), Qt::Key_Delete);
    QCOMPARE(m_model->nodeIds(), QStringList{b});
    QCOMPARE(m_model->edgeCount(), 0);
    QVERIFY(!m_editor->scene()->nodeItem(a));
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_model->nodeIds(), (QStringList{a, b}));
    QCOMPARE(m_model->edgeCount(), 1);
    QVERIFY(m_editor->scene()->nodeItem(a));
    QVERIFY(m_editor->scene()->edgeItem(m_model->edgeIds().first())->isVisible());
}

void TestFlowEditor::deleteSelectedEdge()
{
    const QString a = addNode(QStringLiteral("noop"), {0, 0});
    const QString b = addNode(QStringLiteral("noop"), {400, 200});
    QVERIFY(m_model->addConnection({a, kDefaultPort, b, kDefaultPort}));
    const FlowEdgeItem *edge = m_editor->scene()->edgeItem(m_model->edgeIds().first());
    const QPointF middle = edge->path().pointAtPercent(0.5);
    click(viewport(), view()->mapFromScene(middle));
    QVERIFY(edge->isSelected());
    QTest::keyClick(view(), Qt::Key_Delete);
    QCOMPARE(m_model->edgeCount(), 0);
    QCOMPARE(m_model->nodeCount(), 2);
    action("undo")->trigger();
    QCOMPARE(m_model->edgeCount(), 1);
}

void TestFlowEditor::copyPasteAndDuplicateMakeFreshIds()
{
    const QString a = addNode(QStringLiteral("noop"), {0, 0});
    const QString b = addNode(QStringLiteral("log"), {300, 0});
    QVERIFY(m_model->addConnection({a, kDefaultPort, b, kDefaultPort}));
    QTest::keyClick(view(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(view(), Qt::Key_C, Qt::ControlModifier);
    QVERIFY(QGuiApplication::clipboard()->mimeData()->hasFormat(kFragmentMimeType));
    QTest::keyClick(view(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(m_model->nodeCount(), 4);
    QCOMPARE(m_model->edgeCount(), 2);
    const QStringList pasted = m_editor->scene()->selectedNodeIds();
    QCOMPARE(pasted.size(), 2);
    QVERIFY(!pasted.contains(a) && !pasted.contains(b));
    QCOMPARE(m_model->node(pasted[0])->position, QPointF(40, 40));
    // Duplicate the pasted pair: two more, fresh again.
    QTest::keyClick(view(), Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(m_model->nodeCount(), 6);
    const QStringList all = m_model->nodeIds();
    QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), 6);
    // Cut removes, paste brings back (with fresh ids).
    QTest::keyClick(view(), Qt::Key_X, Qt::ControlModifier);
    QCOMPARE(m_model->nodeCount(), 4);
    QTest::keyClick(view(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(m_model->nodeCount(), 6);
}

void TestFlowEditor::zoomAndFit()
{
    addNode(QStringLiteral("noop"), {0, 0});
    addNode(QStringLiteral("noop"), {2000, 1200});
    QCOMPARE(view()->zoom(), 1.0);
    QTest::keyClick(view(), Qt::Key_Plus);
    QVERIFY(view()->zoom() > 1.0);
    const double zoomed = view()->zoom();
    QTest::keyClick(view(), Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(view()->zoom() < zoomed);
    QTest::keyClick(view(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(view()->zoom(), zoomed);
    // Ctrl + wheel zooms at the pointer: the scene point there stays.
    const QPoint at(300, 200);
    const QPointF before = view()->mapToScene(at);
    QWheelEvent wheel(QPointF(at), QPointF(viewport()->mapToGlobal(at)), QPoint(), QPoint(0, -240),
                      Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport(), &wheel);
    QVERIFY(view()->zoom() < zoomed);
    QVERIFY((view()->mapToScene(at) - before).manhattanLength() < 3.0 / view()->zoom());
    // Pinch.
    const double beforePinch = view()->zoom();
    QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2,
                              QPointF(at), QPointF(at), QPointF(viewport()->mapToGlobal(at)), 0.5,
                              QPointF(), 0);
    QApplication::sendEvent(viewport(), &pinch);
    QCOMPARE(view()->zoom(), beforePinch * 1.5);
    // Fit: both nodes inside the viewport.
    QTest::keyClick(view(), Qt::Key_0, Qt::ControlModifier);
    const QRectF visible = view()->mapToScene(viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(m_editor->scene()->nodesRect()));
    QVERIFY(view()->zoom() < 1.0);
    QCOMPARE(m_editor->findChild<QLabel *>(QStringLiteral("editor.zoom"))->text(),
             QStringLiteral("%1 %").arg(std::lround(view()->zoom() * 100)));
    // Zoom to selection.
    m_editor->scene()->selectNodes({m_model->nodeIds().first()});
    action("zoomSelection")->trigger();
    QVERIFY(view()->zoom() > 1.0);
}

void TestFlowEditor::minimapPans()
{
    addNode(QStringLiteral("noop"), {0, 0});
    addNode(QStringLiteral("noop"), {3000, 2000});
    FlowMinimap *minimap = m_editor->findChild<FlowMinimap *>(QStringLiteral("editor.minimap"));
    QVERIFY(minimap);
    QTRY_VERIFY(minimap->isVisible());
    const QPointF target(3000, 2000);
    const QPoint at = minimap->toWidget(target).toPoint();
    click(minimap, at);
    const QPointF centre = view()->mapToScene(viewport()->rect().center());
    QVERIFY2((centre - target).manhattanLength() < 60,
             qPrintable(QStringLiteral("%1,%2").arg(centre.x()).arg(centre.y())));
}

// The widget a real click at `pos` (viewport coordinates) lands on.
static QWidget *hitAt(QWidget *window, QWidget *viewport, QPoint pos)
{
    return window->childAt(viewport->mapTo(window, pos));
}

void TestFlowEditor::minimapStepsAsideForPorts()
{
    const QString download = addNode(QStringLiteral("image-download"), {0, 0});
    const QString resize = addNode(QStringLiteral("image-resize"), {360, 40});
    FlowMinimap *minimap = view()->minimap();
    // Scroll so that the resize node's input sits in the minimap's middle.
    const auto putInputUnderMinimap = [&] {
        const QPointF input = m_editor->scene()->nodeItem(resize)->portScenePos(
            PortDirection::In, QStringLiteral("image"));
        const QPoint target = minimap->geometry().center();
        view()->centerOn(input + QPointF(viewport()->rect().center() - target) / view()->zoom());
        return portPos(resize, PortDirection::In, QStringLiteral("image"));
    };
    QTRY_VERIFY(minimap->isVisible());
    QPoint input = putInputUnderMinimap();
    QCOMPARE(hitAt(m_editor.get(), viewport(), input), minimap); // it does cover the port
    // Dragging a connection there: the minimap steps aside for the drag, so
    // the port shows and takes the drop, and comes back after it.
    QPoint from = portPos(download, PortDirection::Out, kDefaultPort);
    QVERIFY(hitAt(m_editor.get(), viewport(), from) == viewport());
    sendMouse(viewport(), QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    sendMouse(viewport(), QEvent::MouseMove, (from + input) / 2, Qt::NoButton, Qt::LeftButton);
    sendMouse(viewport(), QEvent::MouseMove, input, Qt::NoButton, Qt::LeftButton);
    QVERIFY(minimap->isHidden());
    QCOMPARE(hitAt(m_editor.get(), viewport(), input), viewport());
    sendMouse(viewport(), QEvent::MouseButtonRelease, input, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(m_model->edgeCount(), 1);
    QVERIFY(minimap->isVisible());

    // A canvas narrower than three minimaps has no corner to spare: the
    // minimap goes, and the port under its place takes a click itself.
    QVERIFY(m_model->removeConnections(m_model->edgeIds()));
    QCOMPARE(m_model->edgeCount(), 0);
    m_editor->resize(760, 760);
    QTRY_VERIFY(view()->width() < FlowView::kMinimapRoom * FlowView::kMinimapSize.width());
    QTRY_VERIFY(minimap->isHidden());
    input = putInputUnderMinimap();
    from = portPos(download, PortDirection::Out, kDefaultPort);
    QCOMPARE(hitAt(m_editor.get(), viewport(), input), viewport());
    drag(viewport(), from, input);
    QCOMPARE(m_model->edgeCount(), 1);
    // A short canvas as well; room again brings it back.
    m_editor->resize(1200, 420);
    QTRY_VERIFY(view()->height() < FlowView::kMinimapRoom * FlowView::kMinimapSize.height());
    QVERIFY(minimap->isHidden());
    m_editor->resize(1200, 760);
    QTRY_VERIFY(minimap->isVisible());
}

void TestFlowEditor::minimapToggleHidesAndPersists()
{
    addNode(QStringLiteral("noop"), {0, 0});
    FlowMinimap *minimap = view()->minimap();
    QAction *toggle = action("minimap");
    QVERIFY(toggle);
    QVERIFY(toggle->isCheckable());
    QVERIFY(toggle->isChecked());
    QVERIFY(view()->actions().contains(toggle)); // the canvas's right-click menu
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QVERIFY(m_editor->viewActions().contains(toggle));
    QTRY_VERIFY(minimap->isVisible());
    toggle->trigger();
    QVERIFY(!toggle->isChecked());
    QVERIFY(minimap->isHidden());
    // Nodes coming and going do not bring it back.
    addNode(QStringLiteral("noop"), {300, 0});
    QApplication::processEvents();
    QVERIFY(minimap->isHidden());

    // The next editor remembers the choice.
    m_editor = std::make_unique<FlowEditorWidget>(m_model.get());
    m_editor->resize(1200, 760);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    QVERIFY(!action("minimap")->isChecked());
    QApplication::processEvents();
    QVERIFY(view()->minimap()->isHidden());
    action("minimap")->trigger();
    QTRY_VERIFY(view()->minimap()->isVisible());
    QCOMPARE(QSettings().value(QStringLiteral("flowEditor/minimap")).toBool(), true);
}

void TestFlowEditor::panWithMiddleButtonOrSpace()
{
    const QString a = addNode(QStringLiteral("noop"), {0, 0});
    const QPoint centre = viewport()->rect().center();
    const QPointF before = view()->mapToScene(centre);
    drag(viewport(), centre, centre + QPoint(-120, -60), Qt::MiddleButton);
    QCOMPARE(view()->mapToScene(centre) - before, QPointF(120, 60));
    // Space + left drag pans too, even when it starts on a node, and
    // neither moves nor selects anything.
    const int steps = m_model->undoStack()->count();
    QTest::keyPress(view(), Qt::Key_Space);
    const QPointF again = view()->mapToScene(centre);
    drag(viewport(), headerPos(a), headerPos(a) + QPoint(80, 40));
    QTest::keyRelease(view(), Qt::Key_Space);
    QCOMPARE(view()->mapToScene(centre) - again, QPointF(-80, -40));
    QCOMPARE(m_model->node(a)->position, QPointF(0, 0));
    QCOMPARE(m_model->undoStack()->count(), steps);
    QVERIFY(m_editor->scene()->selectedNodeIds().isEmpty());
}

QStringList TestFlowEditor::tenNodeDag()
{
    // A fan-out, a join and a condition, stacked on one spot so that only
    // a layout can separate them.
    const char *components[] = {"image-download", "image-resize", "condition", "log", "noop", "log",
                                "count",          "sum",          "text",      "noop"};
    QStringList ids;
    for (const char *c : components)
        ids << addNode(QString::fromLatin1(c), {0, 0});
    const std::pair<int, int> edges[] = {{0, 1}, {1, 2}, {2, 3}, {2, 4}, {3, 5},
                                         {4, 5}, {6, 7}, {8, 0}, {5, 9}, {7, 9}};
    for (auto [s, t] : edges) {
        const auto out = m_model->ports(ids[s], PortDirection::Out).first().name;
        auto added = m_model->addConnection({ids[s], out, ids[t], kDefaultPort});
        if (!added)
            qFatal("edge: %s", qPrintable(added.error().message));
    }
    return ids;
}

void TestFlowEditor::autoLayoutIsOneStepLeftToRight()
{
    const QStringList ids = tenNodeDag();
    const int steps = m_model->undoStack()->count();
    QSignalSpy finished(m_editor.get(), &FlowEditorWidget::layoutFinished);
    QTest::keyClick(view(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(m_model->undoStack()->count(), steps + 1);
    QVERIFY2(status().contains(m_editor->layoutName()), qPrintable(status()));
#ifdef HIVEMIND_HAVE_GRAPHVIZ
    QVERIFY(m_editor->layoutName().startsWith(QStringLiteral("Graphviz dot")));
#endif
    QList<QRectF> rects;
    for (const QString &id : ids)
        rects << m_editor->scene()->nodeItem(id)->sceneBoundingRect();
    for (int i = 0; i < rects.size(); ++i) {
        for (int j = i + 1; j < rects.size(); ++j)
            QVERIFY2(!overlaps(rects[i], rects[j]), qPrintable(ids[i] + QLatin1Char('/') + ids[j]));
    }
    for (const QString &e : m_model->edgeIds()) {
        const FlowEdge *edge = m_model->edge(e);
        const FlowNodeItem *s = m_editor->scene()->nodeItem(edge->source);
        const FlowNodeItem *t = m_editor->scene()->nodeItem(edge->target);
        QVERIFY2(s->pos().x() + s->size().width() < t->pos().x(), qPrintable(e));
    }
    // Everything visible after the layout.
    const QRectF visible = view()->mapToScene(viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(m_editor->scene()->nodesRect()));
    action("undo")->trigger();
    for (const QString &id : ids)
        QCOMPARE(m_model->node(id)->position, QPointF(0, 0));
}

// The layout runs on a worker while the window stays usable (the action is
// off, the status says so) and places the nodes exactly where the layout
// engine called on the GUI thread with the same graph does: one undo step.
void TestFlowEditor::autoLayoutRunsInAWorkerAsTheLayoutDoes()
{
    const QStringList ids = tenNodeDag();
    const LayoutGraph graph = m_editor->scene()->layoutGraph();
    const QHash<QString, QPointF> expected = FlowEditorWidget::placedAt(
        FlowLayout::create()->layout(graph), m_editor->scene()->nodesRect().topLeft());
    QCOMPARE(expected.size(), ids.size());

    QSemaphore gate;
    std::atomic<QThread *> worker = nullptr;
    m_editor->layoutRunner()->setGateForTests([&] {
        worker = QThread::currentThread();
        gate.acquire();
    });
    const auto letGo = qScopeGuard([&] { gate.release(); });
    QSignalSpy finished(m_editor.get(), &FlowEditorWidget::layoutFinished);
    const int steps = m_model->undoStack()->count();
    action("autoLayout")->trigger();
    QVERIFY(m_editor->isLayingOut());
    QVERIFY(!action("autoLayout")->isEnabled());
    QCOMPARE(m_editor->cursor().shape(), Qt::BusyCursor);
    QVERIFY2(status().startsWith(QLatin1String("Arranging 10 nodes")), qPrintable(status()));
    // Asked again while running: nothing more starts.
    m_editor->autoLayout();
    QTRY_VERIFY(worker.load() != nullptr);
    QVERIFY(worker.load() != QThread::currentThread());
    // The GUI thread is free meanwhile: it handles events, nothing moved.
    QApplication::processEvents();
    QCOMPARE(m_model->undoStack()->count(), steps);
    QCOMPARE(finished.size(), 0);

    gate.release();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!m_editor->isLayingOut());
    QVERIFY(action("autoLayout")->isEnabled());
    QVERIFY(m_editor->cursor().shape() != Qt::BusyCursor);
    QCOMPARE(m_model->undoStack()->count(), steps + 1);
    for (const QString &id : ids)
        QCOMPARE(m_model->node(id)->position, expected.value(id));
    QVERIFY2(status().contains(m_editor->layoutName()), qPrintable(status()));

    action("undo")->trigger();
    QCOMPARE(m_model->undoStack()->count(), steps + 1);
    QCOMPARE(m_model->undoStack()->index(), steps);
    for (const QString &id : ids)
        QCOMPARE(m_model->node(id)->position, QPointF(0, 0));
}

// A node moved while the worker lays out the flow as it was: its result is
// stale and is not applied (the move stays, nothing else moves).
void TestFlowEditor::editWhileLayingOutDropsTheStaleResult()
{
    const QStringList ids = tenNodeDag();
    QSemaphore gate;
    m_editor->layoutRunner()->setGateForTests([&gate] { gate.acquire(); });
    const auto letGo = qScopeGuard([&] { gate.release(); });
    QSignalSpy finished(m_editor.get(), &FlowEditorWidget::layoutFinished);
    action("autoLayout")->trigger();
    QVERIFY(m_editor->isLayingOut());
    const int steps = m_model->undoStack()->count();
    QVERIFY(m_model->moveNodes({{ids[3], QPointF(400, 300)}}).ok());
    QCOMPARE(m_model->undoStack()->count(), steps + 1);

    gate.release();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!m_editor->isLayingOut());
    QVERIFY(action("autoLayout")->isEnabled());
    QCOMPARE(m_model->undoStack()->count(), steps + 1);
    for (const QString &id : ids)
        QCOMPARE(m_model->node(id)->position, id == ids[3] ? QPointF(400, 300) : QPointF(0, 0));
    QVERIFY2(status().contains(QLatin1String("changed")), qPrintable(status()));

    // Asked again, on the flow as it is now: it applies.
    m_editor->layoutRunner()->setGateForTests({});
    QVERIFY(layOut());
    QCOMPARE(m_model->undoStack()->count(), steps + 2);
}

void TestFlowEditor::layeredFallbackLeftToRight()
{
    const QStringList ids = tenNodeDag();
    const LayoutGraph graph = m_editor->scene()->layoutGraph();
    const QHash<QString, QPointF> positions = LayeredLayout().layout(graph);
    QCOMPARE(positions.size(), 10);
    QHash<QString, QRectF> rects;
    for (const LayoutGraph::Node &n : graph.nodes)
        rects.insert(n.id, QRectF(positions.value(n.id), n.size));
    for (int i = 0; i < ids.size(); ++i) {
        for (int j = i + 1; j < ids.size(); ++j)
            QVERIFY(!overlaps(rects[ids[i]], rects[ids[j]]));
    }
    for (const LayoutGraph::Edge &e : graph.edges)
        QVERIFY(rects[e.source].right() < rects[e.target].left());
}

void TestFlowEditor::actionsShowShortcutsAndRetranslate()
{
    QAction *layout = action("autoLayout");
    QVERIFY(layout);
    const QString shortcut = QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText);
    QVERIFY2(layout->toolTip().contains(shortcut), qPrintable(layout->toolTip()));
    QCOMPARE(layout->text(), QStringLiteral("Auto-Layout"));
    QVERIFY(action("undo")->toolTip().contains(
        QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    QVERIFY(!action("undo")->isEnabled());
    addNode(QStringLiteral("noop"), {0, 0});
    QVERIFY(action("undo")->isEnabled());

    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(layout->text(), QStringLiteral("自動排列"));
    QVERIFY(layout->toolTip().contains(shortcut));
    QTRY_COMPARE(m_editor->findChild<QTreeWidget *>(QStringLiteral("editor.palette.list"))
                     ->topLevelItem(0)
                     ->text(0),
                 QStringLiteral("內建"));
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(layout->text(), QStringLiteral("自动排列"));
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(layout->text(), QStringLiteral("Auto-Layout"));
}

void TestFlowEditor::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked for (docs/screenshots)
    QVERIFY(QDir().mkpath(dir));
    const QString suffix = qEnvironmentVariable("HIVEMIND_SCREENSHOT_SUFFIX");
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_languages->setLanguage(language, LanguageManager::Persist::No));
        cleanup();
        init();
        // Large enough to read the cards after fitting ten nodes.
        m_editor->resize(1600, 900);
        QApplication::processEvents();
        const QStringList ids = tenNodeDag();
        QVERIFY(layOut());
        QVERIFY(saveWhileLayingOut(dir + QStringLiteral("/flow-editor-layout-busy-") + language +
                                   suffix + QStringLiteral(".png")));
        m_editor->scene()->selectNodes({ids[2]});
        QApplication::processEvents();
        const QString empty = dir + QStringLiteral("/flow-editor-empty-") + language + suffix +
                              QStringLiteral(".png");
        const QString file =
            dir + QStringLiteral("/flow-editor-") + language + suffix + QStringLiteral(".png");
        QVERIFY(m_editor->grab().save(file));
        m_model->clear();
        QApplication::processEvents();
        QVERIFY(m_editor->grab().save(empty));
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));

    // The dark theme: colours come from the palette (FlowCanvasStyle).
    cleanup();
    init();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2e));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2b, 0x2e));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x33, 0x33, 0x36));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x4a, 0x9e, 0xff));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8a, 0x8e));
    for (const auto role : {QPalette::WindowText, QPalette::ButtonText, QPalette::Text})
        dark.setColor(QPalette::Disabled, role, QColor(0x6e, 0x6e, 0x72));
    // A style sheet (ScreenshotLook's, in screenshot runs) would override it.
    m_editor->window()->setStyleSheet({});
    m_editor->setPalette(dark);
    m_editor->resize(1600, 900);
    QApplication::processEvents();
    QVERIFY(m_editor->scene()->canvasStyle().dark);
    const QStringList ids = tenNodeDag();
    QVERIFY(layOut());
    QVERIFY(saveWhileLayingOut(dir + QStringLiteral("/flow-editor-layout-busy-en-dark") + suffix +
                               QStringLiteral(".png")));
    m_editor->scene()->selectNodes({ids[2]});
    QApplication::processEvents();
    QVERIFY(m_editor->grab().save(dir + QStringLiteral("/flow-editor-en-dark") + suffix +
                                  QStringLiteral(".png")));
}

QTEST_MAIN(TestFlowEditor)
#include "TestFlowEditor.moc"
