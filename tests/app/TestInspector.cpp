// The flow editor's inspector and problems (issue 11, items 3 and 4) driven
// as a user drives them: widgets found by objectName, real key events into
// the fields, against a real FlowGraphModel inside the real
// FlowEditorWidget; the server's problems of a stored draft come from
// a real hivemind-server. With HIVEMIND_SCREENSHOT_DIR set, also saves the
// inspector (a node with a real schema, the flow settings) and the
// problems in en, zh_TW and zh_CN.

#include "AuthTestSupport.h"
#include "InspectorTestData.h"
#include "canvas/FlowEditorWidget.h"
#include "canvas/FlowItems.h"
#include "canvas/FlowScene.h"
#include "canvas/FlowView.h"
#include "flow/SchemaOrder.h"
#include "flowgraph/FlowGraphModel.h"
#include "flows/FlowErrorText.h"
#include "inspector/FlowChecker.h"
#include "inspector/InspectorWidget.h"
#include "inspector/MappingEditor.h"
#include "inspector/ProblemsPanel.h"
#include "inspector/RawJsonEditor.h"
#include "inspector/SchemaForm.h"
#include "inspector/SettingsEditor.h"
#include "shell/LanguageManager.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>
#include <memory>

using namespace hm::app;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Replaces a text field's content as a user does: select all, then type.
void retype(QWidget *field, const QString &text)
{
    field->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(field, Qt::Key_Delete);
    else
        QTest::keyClicks(field, text);
}

QStringList comboTexts(const QComboBox *box)
{
    QStringList texts;
    for (int i = 0; i < box->count(); ++i)
        texts << box->itemText(i);
    return texts;
}

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void followsTheSelection();
    void formHasAFieldForEachSchemaType();
    void formKeepsTheSchemasOrder();
    void typingIsOneUndoStepAndUndoRestoresBytes();
    void invalidValuesAreShownAndNotApplied();
    void arrayAndObjectFields();
    void rawJsonTabRoundTrip();
    void mappingCompletionListsUpstreamOutputsAndTriggerFields();
    void mappingShowsTypesAndMismatches();
    void settingsEditorWritesTheSeedFields();
    void problemsFollowEditsAndActivationSelectsTheNode();
    void builtinExpressionShowsOnTheNode();
    void serverDetailsMapOntoNodes();
    void retranslatesLive();
    void builtinFieldsAreLabelledInTheLanguage();
    void screenshots();

private:
    template <typename T> T *find(const QString &name) const
    {
        T *w = m_editor->findChild<T *>(name);
        if (!w)
            qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
        return w;
    }
    InspectorWidget *inspector() const { return m_editor->inspector(); }
    QTabWidget *tabs() const { return find<QTabWidget>(QStringLiteral("inspector.tabs")); }
    QString currentTab() const { return tabs()->currentWidget()->objectName(); }
    QString message(const QString &path) const
    {
        const QLabel *label = find<QLabel>(path + QStringLiteral(".message"));
        return label && !label->isHidden() ? label->text() : QString();
    }
    void select(const QString &nodeId)
    {
        m_editor->scene()->selectNodes(nodeId.isEmpty() ? QStringList() : QStringList{nodeId});
        QApplication::processEvents();
    }
    QString addNode(const QString &component, QPointF pos = {0, 0})
    {
        auto added = m_model->addNode(component, QStringLiteral("1.0.0"), pos);
        if (!added)
            qFatal("addNode: %s", qPrintable(added.error().message));
        return added.value();
    }
    void load(const char *definition, const QJsonObject &settings = {})
    {
        const auto loaded = m_model->load(inspectortest::json(definition), settings);
        if (!loaded)
            qFatal("load: %s", qPrintable(loaded.error().message));
        QApplication::processEvents();
    }
    QJsonObject config(const QString &node) const { return m_model->node(node)->config; }
    int steps() const { return m_model->undoStack()->index(); }
    void settle()
    {
        QApplication::processEvents();
        m_editor->checker()->checkNow();
        QApplication::processEvents();
    }

    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<FlowGraphModel> m_model;
    std::unique_ptr<FlowEditorWidget> m_editor;
};

void TestInspector::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestInspector::init()
{
    m_model = std::make_unique<FlowGraphModel>();
    m_model->setCatalogue(inspectortest::catalogue());
    m_editor = std::make_unique<FlowEditorWidget>(m_model.get());
    m_editor->resize(1400, 900);
    m_editor->show();
    QApplication::setActiveWindow(m_editor.get());
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
}

void TestInspector::cleanup()
{
    m_editor.reset();
    m_model.reset();
}

void TestInspector::followsTheSelection()
{
    QVERIFY(m_editor->inspectorDock()->isVisible());
    QCOMPARE(m_editor->inspectorDock()->widget(), inspector());
    // Nothing selected: the flow's settings.
    QCOMPARE(find<QLabel>(QStringLiteral("inspector.title"))->text(),
             QStringLiteral("Flow settings"));
    QVERIFY(tabs()->isTabVisible(InspectorWidget::SettingsTab));
    QVERIFY(!tabs()->isTabVisible(InspectorWidget::ConfigTab));
    QCOMPARE(currentTab(), QStringLiteral("inspector.settings"));

    const QString node = addNode(QStringLiteral("image-resize"));
    select(node);
    QCOMPARE(inspector()->currentNode(), node);
    QCOMPARE(find<QLabel>(QStringLiteral("inspector.title"))->text(), node);
    QCOMPARE(find<QLabel>(QStringLiteral("inspector.subtitle"))->text(),
             QStringLiteral("image-resize · version 1.0.0"));
    QVERIFY(tabs()->isTabVisible(InspectorWidget::ConfigTab));
    QVERIFY(tabs()->isTabVisible(InspectorWidget::InputsTab));
    QVERIFY(!tabs()->isTabVisible(InspectorWidget::SettingsTab));
    QCOMPARE(currentTab(), QStringLiteral("inspector.config"));

    // Two nodes: "2 nodes selected", and the settings meanwhile.
    const QString other = addNode(QStringLiteral("log"), {300, 0});
    m_editor->scene()->selectNodes({node, other});
    QApplication::processEvents();
    QVERIFY(inspector()->currentNode().isEmpty());
    QCOMPARE(find<QLabel>(QStringLiteral("inspector.title"))->text(),
             QStringLiteral("2 nodes selected"));
    QVERIFY(tabs()->isTabVisible(InspectorWidget::SettingsTab));

    // The edited node deleted (an edit elsewhere): back to the settings.
    select(node);
    QVERIFY(m_model->removeNodes({node}).ok());
    QApplication::processEvents();
    QVERIFY(inspector()->currentNode().isEmpty());
    QCOMPARE(currentTab(), QStringLiteral("inspector.settings"));
}

void TestInspector::formHasAFieldForEachSchemaType()
{
    const QString node = addNode(QStringLiteral("image-resize"));
    select(node);

    // integer with a range, default as placeholder, description as help
    // and tooltip, required marker.
    auto *quality = find<QLineEdit>(QStringLiteral("config.quality"));
    QVERIFY(quality);
    QCOMPARE(quality->placeholderText(), QStringLiteral("Default: 85"));
    QCOMPARE(quality->toolTip(), QStringLiteral("JPEG quality"));
    QCOMPARE(find<QLabel>(QStringLiteral("config.quality.caption"))->text(),
             QStringLiteral("quality *"));
    const QString qualityHelp = find<QLabel>(QStringLiteral("config.quality.help"))->text();
    QVERIFY2(qualityHelp.contains(QStringLiteral("JPEG quality")) &&
                 qualityHelp.contains(QStringLiteral("From 1 to 100.")),
             qPrintable(qualityHelp));

    // string enum: a choice, "Not set" first; required, so the empty new
    // node's config says so at the field.
    auto *format = find<QComboBox>(QStringLiteral("config.format"));
    QVERIFY(format);
    QCOMPARE(comboTexts(format), (QStringList{"Not set", "jpeg", "png", "webp"}));
    QCOMPARE(find<QLabel>(QStringLiteral("config.format.caption"))->text(),
             QStringLiteral("format *"));
    QCOMPARE(message(QStringLiteral("config.format")), QStringLiteral("Required."));

    // string with a format: the hint as placeholder and help.
    auto *callback = find<QLineEdit>(QStringLiteral("config.callbackUrl"));
    QVERIFY(callback);
    QCOMPARE(callback->placeholderText(), QStringLiteral("https://example.com/"));
    QVERIFY(find<QLabel>(QStringLiteral("config.callbackUrl.help"))
                ->text()
                .contains(QStringLiteral("Format: uri")));
    QCOMPARE(find<QLabel>(QStringLiteral("config.callbackUrl.caption"))->text(),
             QStringLiteral("callbackUrl"));

    // number
    QVERIFY(find<QLineEdit>(QStringLiteral("config.scale")));
    QVERIFY(find<QLabel>(QStringLiteral("config.scale.help"))
                ->text()
                .contains(QStringLiteral("From 0.1 to 10.")));

    // boolean: not set shows its default.
    auto *keep = find<QComboBox>(QStringLiteral("config.keepAspect"));
    QVERIFY(keep);
    QCOMPARE(comboTexts(keep), (QStringList{"Default (true)", "true", "false"}));

    // object: a group of its own fields, with its required member marked.
    auto *watermark = find<QGroupBox>(QStringLiteral("config.watermark"));
    QVERIFY(watermark);
    QVERIFY(watermark->findChild<QLineEdit *>(QStringLiteral("config.watermark.text")));
    QVERIFY(watermark->findChild<QLineEdit *>(QStringLiteral("config.watermark.opacity")));
    QCOMPARE(find<QLabel>(QStringLiteral("config.watermark.text.caption"))->text(),
             QStringLiteral("text *"));

    // array: a list with an Add button (no items yet).
    QVERIFY(find<QPushButton>(QStringLiteral("config.sizes.add")));
    QVERIFY(!find<QWidget>(QStringLiteral("config.sizes[0]")));

    // Required members first, then the others (the test data is parsed
    // without their written order: alphabetically).
    QStringList order;
    for (SchemaField *f : inspector()->configForm()->fields())
        order << f->path();
    QCOMPARE(order.mid(0, 3), (QStringList{"config", "config.quality", "config.format"}));

    // A component without a schema: one JSON field for the whole config.
    const QString plain = addNode(QStringLiteral("text"), {0, 300});
    select(plain);
    QVERIFY(find<QPlainTextEdit>(QStringLiteral("config")));
    QVERIFY(!find<QLabel>(QStringLiteral("inspector.config.note"))->isHidden());
}

void TestInspector::formKeepsTheSchemasOrder()
{
    // As a component's endpoint writes it: optional fields in an order of
    // the author's, not the alphabet's, one required field last, and a
    // nested group of its own order. The server reads it keeping that
    // order and hands it on as JSON (keys sorted again).
    const QByteArray text = R"({"type": "object", "required": ["url"], "properties": {
        "shell": {"type": "boolean", "title": "Run a script in a shell"},
        "script": {"type": "string", "title": "Script"},
        "retry": {"type": "object", "properties": {
            "times": {"type": "integer"}, "delay": {"type": "integer"}}},
        "env": {"type": "object"},
        "url": {"type": "string"}}})";
    const QJsonObject served =
        QJsonDocument::fromJson(
            QJsonDocument(hm::flow::schemaorder::parseKeepingOrder(text).object()).toJson())
            .object();
    SchemaForm form;
    form.setSchema(served);
    QStringList order;
    for (SchemaField *f : form.fields())
        order << f->path();
    QCOMPARE(order,
             (QStringList{"config", "config.url", "config.shell", "config.script", "config.retry",
                          "config.retry.times", "config.retry.delay", "config.env"}));
}

void TestInspector::typingIsOneUndoStepAndUndoRestoresBytes()
{
    load(inspectortest::kChainFlow);
    select(QStringLiteral("resize"));
    const QByteArray before = m_model->definitionText();
    const int start = steps();

    auto *quality = find<QLineEdit>(QStringLiteral("config.quality"));
    QCOMPARE(quality->text(), QStringLiteral("85"));
    retype(quality, QStringLiteral("42"));
    QCOMPARE(config(QStringLiteral("resize")).value(QStringLiteral("quality")).toInt(), 42);
    QCOMPARE(steps(), start + 1); // "4", "42": one field edit
    QTest::keyClick(quality, Qt::Key_Return);

    auto *callback = find<QLineEdit>(QStringLiteral("config.callbackUrl"));
    callback->setFocus();
    QTest::keyClicks(callback, QStringLiteral("https://hooks.example/done"));
    QCOMPARE(config(QStringLiteral("resize")).value(QStringLiteral("callbackUrl")).toString(),
             QStringLiteral("https://hooks.example/done"));
    QCOMPARE(steps(), start + 2);
    QCOMPARE(m_model->undoStack()->undoText(), QStringLiteral("Change configuration"));

    // A choice is a step of its own; so is typing into the same field again
    // after leaving it.
    auto *format = find<QComboBox>(QStringLiteral("config.format"));
    format->setFocus();
    QTest::keyClick(format, Qt::Key_Down); // png -> webp
    QCOMPARE(config(QStringLiteral("resize")).value(QStringLiteral("format")).toString(),
             QStringLiteral("webp"));
    QCOMPARE(steps(), start + 3);
    quality->setFocus();
    QTest::keyClick(quality, Qt::Key_End);
    QTest::keyClick(quality, Qt::Key_Backspace);
    QCOMPARE(config(QStringLiteral("resize")).value(QStringLiteral("quality")).toInt(), 4);
    QCOMPARE(steps(), start + 4);

    // Undo (the editor's action) shows the values again and gives back the
    // same bytes.
    QAction *undo = m_editor->action(QStringLiteral("undo"));
    for (int i = 0; i < 4; ++i)
        undo->trigger();
    QCOMPARE(m_model->definitionText(), before);
    QCOMPARE(quality->text(), QStringLiteral("85"));
    QCOMPARE(callback->text(), QString());
    QCOMPARE(format->currentText(), QStringLiteral("png"));
    m_editor->action(QStringLiteral("redo"))->trigger();
    QCOMPARE(quality->text(), QStringLiteral("42"));
}

void TestInspector::invalidValuesAreShownAndNotApplied()
{
    load(inspectortest::kChainFlow);
    select(QStringLiteral("resize"));
    const QByteArray before = m_model->definitionText();
    const int start = steps();
    auto *quality = find<QLineEdit>(QStringLiteral("config.quality"));

    retype(quality, QStringLiteral("abc"));
    QCOMPARE(message(QStringLiteral("config.quality")), QStringLiteral("Enter a whole number."));
    QCOMPARE(m_model->definitionText(), before);
    QCOMPARE(steps(), start);

    retype(quality, QStringLiteral("500")); // "5" and "50" apply, "500" does not
    QCOMPARE(message(QStringLiteral("config.quality")),
             QStringLiteral("Enter a value of at most 100."));
    QCOMPARE(config(QStringLiteral("resize")).value(QStringLiteral("quality")).toInt(), 50);
    QTest::keyClick(quality, Qt::Key_Backspace);
    QCOMPARE(message(QStringLiteral("config.quality")), QString());
    QCOMPARE(steps(), start + 1);

    // A required member cleared is not applied either.
    retype(quality, QString());
    QCOMPARE(message(QStringLiteral("config.quality")), QStringLiteral("Required."));
    QCOMPARE(config(QStringLiteral("resize")).value(QStringLiteral("quality")).toInt(), 50);

    // A string longer than maxLength, inside the nested object.
    auto *text = find<QLineEdit>(QStringLiteral("config.watermark.text"));
    retype(text, QString(41, QLatin1Char('x')));
    QCOMPARE(message(QStringLiteral("config.watermark.text")),
             QStringLiteral("Enter at most 40 characters."));
    QCOMPARE(config(QStringLiteral("resize"))
                 .value(QStringLiteral("watermark"))
                 .toObject()
                 .value(QStringLiteral("text"))
                 .toString(),
             QString(40, QLatin1Char('x')));

    // Mappings: an expression that cannot be read is shown, not applied.
    tabs()->setCurrentIndex(InspectorWidget::InputsTab);
    auto *width = find<QLineEdit>(QStringLiteral("inputs.width"));
    const QJsonObject mappingsBefore = m_model->node(QStringLiteral("resize"))->inputMappings;
    retype(width, QStringLiteral("$.nodes..x"));
    QVERIFY(find<QLabel>(QStringLiteral("inputs.width.status"))
                ->text()
                .startsWith(QStringLiteral("This expression cannot be read")));
    QVERIFY(!m_model->node(QStringLiteral("resize"))
                 ->inputMappings.value(QStringLiteral("width"))
                 .toString()
                 .contains(QStringLiteral("..")));
    retype(width, QStringLiteral("{\"$ref\": \"node:fetch"));
    QVERIFY(find<QLabel>(QStringLiteral("inputs.width.status"))
                ->text()
                .startsWith(QStringLiteral("This is not valid JSON")));
    Q_UNUSED(mappingsBefore);
}

void TestInspector::arrayAndObjectFields()
{
    load(inspectortest::kChainFlow);
    select(QStringLiteral("resize"));
    const QByteArray before = m_model->definitionText();

    QTest::mouseClick(find<QPushButton>(QStringLiteral("config.sizes.add")), Qt::LeftButton);
    QCOMPARE(config(QStringLiteral("resize")).value(QStringLiteral("sizes")).toArray(),
             QJsonArray{16}); // the smallest width allowed
    auto *first = find<QLineEdit>(QStringLiteral("config.sizes[0]"));
    QVERIFY(first);
    QCOMPARE(first->text(), QStringLiteral("16"));
    retype(first, QStringLiteral("640"));
    QTest::mouseClick(find<QPushButton>(QStringLiteral("config.sizes.add")), Qt::LeftButton);
    retype(find<QLineEdit>(QStringLiteral("config.sizes[1]")), QStringLiteral("8"));
    QCOMPARE(message(QStringLiteral("config.sizes[1]")),
             QStringLiteral("Enter a value of at least 16."));
    retype(find<QLineEdit>(QStringLiteral("config.sizes[1]")), QStringLiteral("1280"));
    QCOMPARE(config(QStringLiteral("resize")).value(QStringLiteral("sizes")).toArray(),
             (QJsonArray{640, 1280}));
    QTest::mouseClick(find<QToolButton>(QStringLiteral("config.sizes[0].remove")), Qt::LeftButton);
    QApplication::processEvents();
    QCOMPARE(config(QStringLiteral("resize")).value(QStringLiteral("sizes")).toArray(),
             QJsonArray{1280});
    QTRY_COMPARE(find<QLineEdit>(QStringLiteral("config.sizes[0]"))->text(),
                 QStringLiteral("1280"));

    // The nested object appears with its first member and goes again when
    // emptied; members the schema does not name are kept.
    retype(find<QLineEdit>(QStringLiteral("config.watermark.text")), QStringLiteral("©"));
    QCOMPARE(config(QStringLiteral("resize")).value(QStringLiteral("watermark")).toObject(),
             (QJsonObject{{"text", "©"}}));
    retype(find<QLineEdit>(QStringLiteral("config.watermark.opacity")), QStringLiteral("0.5"));
    QCOMPARE(config(QStringLiteral("resize")).value(QStringLiteral("watermark")).toObject(),
             (QJsonObject{{"text", "©"}, {"opacity", 0.5}}));

    QAction *undo = m_editor->action(QStringLiteral("undo"));
    while (m_model->undoStack()->canUndo())
        undo->trigger();
    QCOMPARE(m_model->definitionText(), before);
    QTRY_VERIFY(!find<QWidget>(QStringLiteral("config.sizes[0]")));
}

void TestInspector::rawJsonTabRoundTrip()
{
    load(inspectortest::kChainFlow);
    select(QStringLiteral("resize"));
    const QByteArray before = m_model->definitionText();
    tabs()->setCurrentIndex(InspectorWidget::JsonTab);
    auto *text = find<QPlainTextEdit>(QStringLiteral("inspector.json.text"));
    QCOMPARE(QJsonDocument::fromJson(text->toPlainText().toUtf8()).object(),
             config(QStringLiteral("resize")));
    const int start = steps();

    retype(text, QStringLiteral("{\"quality\": 70, \"format\": \"webp\", \"note\": \"kept\"}"));
    QCOMPARE(compact(config(QStringLiteral("resize"))),
             QByteArray(R"({"format":"webp","note":"kept","quality":70})"));
    QCOMPARE(steps(), start + 1);
    QCOMPARE(inspector()->jsonEditor()->message(), QString());
    // The form shows the same config.
    QCOMPARE(find<QLineEdit>(QStringLiteral("config.quality"))->text(), QStringLiteral("70"));
    QCOMPARE(find<QComboBox>(QStringLiteral("config.format"))->currentText(),
             QStringLiteral("webp"));
    // ... and a member the schema does not name is kept when the form edits.
    tabs()->setCurrentIndex(InspectorWidget::ConfigTab);
    retype(find<QLineEdit>(QStringLiteral("config.quality")), QStringLiteral("75"));
    QCOMPARE(compact(config(QStringLiteral("resize"))),
             QByteArray(R"({"format":"webp","note":"kept","quality":75})"));
    QCOMPARE(QJsonDocument::fromJson(text->toPlainText().toUtf8()).object(),
             config(QStringLiteral("resize")));
    tabs()->setCurrentIndex(InspectorWidget::JsonTab);
    QCOMPARE(steps(), start + 2);

    // Not JSON: shown with its place, not applied.
    text->setFocus();
    QTest::keyClick(text, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(text, Qt::Key_Comma);
    QVERIFY2(inspector()->jsonEditor()->message().startsWith(
                 QStringLiteral("This is not valid JSON (line 6, column 1)")),
             qPrintable(inspector()->jsonEditor()->message()));
    QCOMPARE(config(QStringLiteral("resize")).value(QStringLiteral("quality")).toInt(), 75);

    // Against the schema: shown, not applied.
    retype(text, QStringLiteral("{\"quality\": 0, \"format\": \"gif\"}"));
    const QString why = inspector()->jsonEditor()->message();
    QVERIFY2(why.contains(QStringLiteral("config.quality: Enter a value of at least 1.")) &&
                 why.contains(QStringLiteral("config.format: Choose one of: jpeg, png, webp.")),
             qPrintable(why));
    QCOMPARE(config(QStringLiteral("resize")).value(QStringLiteral("quality")).toInt(), 75);

    // Undo gives back the bytes and the text.
    while (steps() > start)
        m_editor->action(QStringLiteral("undo"))->trigger();
    QCOMPARE(m_model->definitionText(), before);
    QCOMPARE(QJsonDocument::fromJson(text->toPlainText().toUtf8()).object(),
             config(QStringLiteral("resize")));

    // With nothing selected the tab holds the settings.
    select(QString());
    tabs()->setCurrentIndex(InspectorWidget::JsonTab);
    retype(text, QStringLiteral("{\"historyLevel\": \"none\"}"));
    QCOMPARE(compact(m_model->settings()), QByteArray(R"({"historyLevel":"none"})"));
    retype(text, QStringLiteral("{\"historyLevel\": \"most\"}"));
    QVERIFY(inspector()->jsonEditor()->message().startsWith(QStringLiteral("historyLevel:")));
    QCOMPARE(compact(m_model->settings()), QByteArray(R"({"historyLevel":"none"})"));
}

void TestInspector::mappingCompletionListsUpstreamOutputsAndTriggerFields()
{
    load(inspectortest::kChainFlow);
    select(QStringLiteral("resize"));
    tabs()->setCurrentIndex(InspectorWidget::InputsTab);
    MappingEditor *mappings = inspector()->mappingEditor();
    QCOMPARE(mappings->inputs(), (QStringList{"image", "width"}));
    // Trigger fields other mappings use, then the outputs of the nodes
    // upstream (fetch only: caption and other are not upstream, store is
    // downstream).
    const QStringList expected{"$.trigger.image_url", "$.trigger.size.width",
                               "$.nodes.fetch.output.image", "$.nodes.fetch.output.contentType"};
    QCOMPARE(mappings->completions(QStringLiteral("width")), expected);
    // The input's own mapping is not offered as a trigger field.
    QCOMPARE(mappings->completions(QStringLiteral("image")), expected);

    // Typing: the pop-up lists what matches; Down and Enter take it.
    auto *width = find<QLineEdit>(QStringLiteral("inputs.width"));
    retype(width, QStringLiteral("$.nodes"));
    QCompleter *completer = width->completer();
    QVERIFY(completer);
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->completionCount(), 2);
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(width->text(), QStringLiteral("$.nodes.fetch.output.image"));
    QCOMPARE(m_model->node(QStringLiteral("resize"))->inputMappings.value(QStringLiteral("width")),
             QJsonValue(QStringLiteral("$.nodes.fetch.output.image")));

    // The offscreen platform leaves no window active after a pop-up.
    QTRY_VERIFY(!completer->popup()->isVisible());
    QTest::qWait(0);
    QApplication::setActiveWindow(m_editor.get());
    QTRY_COMPARE(QApplication::activeWindow(), m_editor.get());

    // Further down the chain: everything upstream, in definition order.
    select(QStringLiteral("store"));
    tabs()->setCurrentIndex(InspectorWidget::InputsTab);
    QCOMPARE(mappings->completions(QStringLiteral("x")), QStringList()); // no such row
    // log takes any inputs: add one and complete it.
    retype(find<QLineEdit>(QStringLiteral("inputs.newName")), QStringLiteral("payload"));
    QTest::keyClick(find<QLineEdit>(QStringLiteral("inputs.newName")), Qt::Key_Return);
    QCOMPARE(mappings->completions(QStringLiteral("payload")),
             (QStringList{"$.trigger.image_url", "$.trigger.size.width",
                          "$.nodes.fetch.output.image", "$.nodes.fetch.output.contentType",
                          "$.nodes.resize.output.resized", "$.nodes.resize.output.metadata"}));
    QVERIFY2(find<QLineEdit>(QStringLiteral("inputs.payload"))->hasFocus(),
             qPrintable(QApplication::focusWidget() ? QApplication::focusWidget()->objectName()
                                                    : QStringLiteral("none")));
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("inputs.payload")),
                     QStringLiteral("$.nodes.resize.output.metadata"));
    QCOMPARE(m_model->node(QStringLiteral("store"))->inputMappings,
             (QJsonObject{{"payload", "$.nodes.resize.output.metadata"}}));
    QVERIFY(find<QToolButton>(QStringLiteral("inputs.payload.remove")));
}

void TestInspector::mappingShowsTypesAndMismatches()
{
    load(inspectortest::kChainFlow);
    select(QStringLiteral("resize"));
    tabs()->setCurrentIndex(InspectorWidget::InputsTab);
    auto status = [this](const char *input) {
        return find<QLabel>(QStringLiteral("inputs.") + QLatin1String(input) +
                            QStringLiteral(".status"))
            ->text();
    };
    // The type each input expects.
    QCOMPARE(find<QLabel>(QStringLiteral("inputs.image.type"))->text(), QStringLiteral("bytes"));
    QCOMPARE(find<QLabel>(QStringLiteral("inputs.width.type"))->text(), QStringLiteral("integer"));
    QCOMPARE(find<QLabel>(QStringLiteral("inputs.image.caption"))->text(),
             QStringLiteral("image *"));
    QCOMPARE(status("image"), QStringLiteral("Reads output “image” of node “fetch” (bytes)."));
    QCOMPARE(status("width"), QStringLiteral("Not mapped: the default 800 is used."));
    QCOMPARE(find<QLineEdit>(QStringLiteral("inputs.width"))->placeholderText(),
             QStringLiteral("Default: 800"));

    // A declared output of another type: a warning, in the row and in the
    // problems.
    retype(find<QLineEdit>(QStringLiteral("inputs.width")),
           QStringLiteral("$.nodes.fetch.output.contentType"));
    QCOMPARE(status("width"),
             QStringLiteral("Type mismatch: this input takes integer, but the mapping gives "
                            "string."));
    settle();
    bool listed = false;
    for (const EditorProblem &p : m_editor->checker()->problems()) {
        if (p.code == QLatin1String("MAPPING_TYPE_MISMATCH") && p.input == QLatin1String("width"))
            listed = p.severity == EditorProblem::Severity::Warning;
    }
    QVERIFY(listed);

    // A literal: the fixed value's type; text is not an integer.
    retype(find<QLineEdit>(QStringLiteral("inputs.width")), QStringLiteral("1024"));
    QCOMPARE(status("width"), QStringLiteral("A fixed value (integer)."));
    QCOMPARE(m_model->node(QStringLiteral("resize"))->inputMappings.value(QStringLiteral("width")),
             QJsonValue(1024));
    retype(find<QLineEdit>(QStringLiteral("inputs.width")), QStringLiteral("wide"));
    QCOMPARE(m_model->node(QStringLiteral("resize"))->inputMappings.value(QStringLiteral("width")),
             QJsonValue(QStringLiteral("wide")));
    QVERIFY(status("width").startsWith(QStringLiteral("Type mismatch")));

    // A node that does not run before: said in the row.
    retype(find<QLineEdit>(QStringLiteral("inputs.width")), QStringLiteral("$.nodes.store.output"));
    settle();
    QVERIFY2(status("width").contains(QStringLiteral("does not run before it")),
             qPrintable(status("width")));
}

void TestInspector::settingsEditorWritesTheSeedFields()
{
    select(QString());
    QCOMPARE(currentTab(), QStringLiteral("inspector.settings"));
    SettingsEditor *settings = inspector()->settingsEditor();
    // Defaults shown for a flow without settings.
    auto *mode = find<QComboBox>(QStringLiteral("settings.concurrency.mode"));
    QCOMPARE(mode->currentData().toString(), QStringLiteral("allow"));
    QCOMPARE(find<QSpinBox>(QStringLiteral("settings.timeout.flowTimeoutMs"))->value(), 300000);
    QCOMPARE(find<QDoubleSpinBox>(QStringLiteral("settings.retry.backoffMultiplier"))->value(),
             2.0);
    QVERIFY(!find<QLineEdit>(QStringLiteral("settings.concurrency.scopeKey"))->isEnabled());
    const int start = steps();

    mode->setFocus();
    QTest::keyClick(mode, Qt::Key_Down);
    QTest::keyClick(mode, Qt::Key_Down);
    QCOMPARE(compact(m_model->settings()), QByteArray(R"({"concurrency":{"mode":"queue"}})"));
    QCOMPARE(steps(), start + 2); // two choices

    // Per trigger key needs its key: not applied until it is typed, then both.
    auto *scope = find<QComboBox>(QStringLiteral("settings.concurrency.scope"));
    scope->setFocus();
    QTest::keyClick(scope, Qt::Key_Down);
    QVERIFY(settings->message(QStringLiteral("concurrency.scopeKey"))
                .contains(QStringLiteral("enter the trigger field")));
    QCOMPARE(compact(m_model->settings()), QByteArray(R"({"concurrency":{"mode":"queue"}})"));
    auto *scopeKey = find<QLineEdit>(QStringLiteral("settings.concurrency.scopeKey"));
    QVERIFY(scopeKey->isEnabled());
    scopeKey->setFocus();
    QTest::keyClicks(scopeKey, QStringLiteral("customer_id"));
    QCOMPARE(settings->message(QStringLiteral("concurrency.scopeKey")), QString());
    QCOMPARE(steps(), start + 3);

    auto spin = [](QAbstractSpinBox *box, const QString &text) {
        retype(box, text);
        QTest::keyClick(box, Qt::Key_Return);
    };
    spin(find<QSpinBox>(QStringLiteral("settings.concurrency.maxInstances")), QStringLiteral("3"));
    spin(find<QSpinBox>(QStringLiteral("settings.timeout.flowTimeoutMs")),
         QStringLiteral("120000"));
    spin(find<QSpinBox>(QStringLiteral("settings.timeout.nodeTimeoutMs")), QStringLiteral("5000"));
    spin(find<QSpinBox>(QStringLiteral("settings.retry.maxAttempts")), QStringLiteral("5"));
    spin(find<QSpinBox>(QStringLiteral("settings.retry.backoffMs")), QStringLiteral("500"));
    spin(find<QDoubleSpinBox>(QStringLiteral("settings.retry.backoffMultiplier")),
         QStringLiteral("1.5"));
    QCOMPARE(steps(), start + 9); // one per field, however many digits
    auto *history = find<QComboBox>(QStringLiteral("settings.historyLevel"));
    history->setFocus();
    QTest::keyClick(history, Qt::Key_Down);
    auto *onFail = find<QLineEdit>(QStringLiteral("settings.notification.onFail"));
    retype(onFail, QStringLiteral("[{\"channel\": \"ops\"}"));
    QVERIFY(settings->message(QStringLiteral("notification.onFail"))
                .startsWith(QStringLiteral("Enter a JSON array")));
    QTest::keyClicks(onFail, QStringLiteral("]"));
    QCOMPARE(settings->message(QStringLiteral("notification.onFail")), QString());

    QCOMPARE(compact(m_model->settings()),
             compact(inspectortest::json(inspectortest::kEditedSettings)));
    QCOMPARE(steps(), start + 11);
    QCOMPARE(m_model->undoStack()->undoText(), QStringLiteral("Change flow settings"));

    // Every step undone: the settings are empty again, and the form says
    // the defaults.
    while (steps() > start)
        m_editor->action(QStringLiteral("undo"))->trigger();
    QCOMPARE(m_model->settings(), QJsonObject());
    QCOMPARE(mode->currentData().toString(), QStringLiteral("allow"));
    QCOMPARE(find<QSpinBox>(QStringLiteral("settings.timeout.flowTimeoutMs"))->value(), 300000);
}

void TestInspector::problemsFollowEditsAndActivationSelectsTheNode()
{
    ProblemsPanel *panel = m_editor->problemsPanel();
    QAbstractItemModelTester tester(panel->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(panel->count(), 0);
    QVERIFY(find<QLabel>(QStringLiteral("editor.problems.empty"))->isVisible());
    QCOMPARE(m_editor->problemsDock()->windowTitle(), QStringLiteral("Problems (0)"));

    // A download without its URL mapped: one problem, a badge on the node.
    const QString fetch = addNode(QStringLiteral("image-download"));
    QTRY_COMPARE(panel->count(), 1);
    QCOMPARE(m_editor->problemsDock()->windowTitle(), QStringLiteral("Problems (1)"));
    QCOMPARE(panel->model()->problem(0).code, QStringLiteral("MISSING_REQUIRED_INPUT"));
    QCOMPARE(panel->model()->problem(0).message,
             QStringLiteral("Input “url” of node “image-download-1” is required: map it to a "
                            "value."));
    FlowNodeItem *item = m_editor->scene()->nodeItem(fetch);
    QVERIFY(item->problemBadge());
    QCOMPARE(item->problemBadge()->problems().errors, 1);

    // Mapped in the inspector: gone, badge too.
    select(fetch);
    tabs()->setCurrentIndex(InspectorWidget::InputsTab);
    retype(find<QLineEdit>(QStringLiteral("inputs.url")), QStringLiteral("$.trigger.url"));
    QTRY_COMPARE(panel->count(), 0);
    QVERIFY(!item->problemBadge());
    QVERIFY(find<QLabel>(QStringLiteral("editor.problems.empty"))->isVisible());

    // A resize far away whose image reads fetch without running after it,
    // and whose required config is missing.
    const QString resize = addNode(QStringLiteral("image-resize"), {2400, 1600});
    QVERIFY(m_model
                ->setInputMapping(resize, QStringLiteral("image"),
                                  QStringLiteral("$.nodes.image-download-1.output.image"))
                .ok());
    QTRY_COMPARE(panel->count(), 3);
    QStringList codes;
    for (int row = 0; row < panel->count(); ++row)
        codes << panel->model()->problem(row).code;
    QCOMPARE(codes, (QStringList{"INVALID_CONFIG", "INVALID_CONFIG", "MAPPING_NOT_ANCESTOR"}));
    QCOMPARE(m_editor->scene()->nodeItem(resize)->problemBadge()->problems().errors, 3);
    QCOMPARE(panel->model()->problem(1).message,
             QStringLiteral("The configuration of node “image-resize-1” needs a value for "
                            "config.quality."));

    // Activating a problem (Enter in the list) selects and centres its node
    // and opens the field.
    select(fetch);
    QTreeView *list = find<QTreeView>(QStringLiteral("editor.problems.list"));
    list->setFocus();
    list->setCurrentIndex(panel->model()->index(1, 0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(m_editor->scene()->selectedNodeIds(), QStringList{resize});
    QCOMPARE(inspector()->currentNode(), resize);
    QCOMPARE(currentTab(), QStringLiteral("inspector.config"));
    QVERIFY(find<QLineEdit>(QStringLiteral("config.quality"))->hasFocus());
    FlowView *view = m_editor->view();
    const QPointF centre = view->mapToScene(view->viewport()->rect().center());
    const QPointF nodeCentre = m_editor->scene()->nodeItem(resize)->sceneBoundingRect().center();
    QVERIFY2(QLineF(centre, nodeCentre).length() < 40.0,
             qPrintable(QStringLiteral("view centre %1,%2, node %3,%4")
                            .arg(centre.x())
                            .arg(centre.y())
                            .arg(nodeCentre.x())
                            .arg(nodeCentre.y())));

    list->setFocus();
    list->setCurrentIndex(panel->model()->index(2, 0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(currentTab(), QStringLiteral("inspector.inputs"));
    QVERIFY(find<QLineEdit>(QStringLiteral("inputs.image"))->hasFocus());

    // Connecting fetch before resize fixes the mapping problem.
    QVERIFY(
        m_model
            ->addConnection({fetch, QStringLiteral("default"), resize, QStringLiteral("default")})
            .ok());
    QTRY_COMPARE(panel->count(), 2);
}

// Issue 34 item 10: a transform output reading $.trigger can only fail
// when it runs; the editor's check (compile(), as the server's) lists it on
// the node before anything is saved.
void TestInspector::builtinExpressionShowsOnTheNode()
{
    // The transform as the server lists it (engine/builtins/Builtins.cpp).
    ComponentCatalogue catalogue = inspectortest::catalogue();
    auto transform = hm::flow::ComponentInterface::fromJson(inspectortest::json(R"(
        {"name": "transform", "version": "1.0.0", "inputs": [], "outputs": [],
         "configSchema": {"type": "object", "required": ["outputs"],
                          "properties": {"outputs": {"type": "object"}}}})"));
    QVERIFY(transform);
    catalogue.add(transform.value(), true);
    m_model->setCatalogue(catalogue);
    ProblemsPanel *panel = m_editor->problemsPanel();

    const QString node = addNode(QStringLiteral("transform"));
    QVERIFY(m_model
                ->setNodeConfig(node, QJsonObject{{"outputs", QJsonObject{{"x", "$.trigger.name"},
                                                                          {"y", "$.inputs.y"}}}})
                .ok());
    QTRY_COMPARE(panel->count(), 1);
    QCOMPARE(m_editor->problemsDock()->windowTitle(), QStringLiteral("Problems (1)"));
    const EditorProblem problem = panel->model()->problem(0);
    QCOMPARE(problem.code, QStringLiteral("INVALID_BUILTIN_EXPRESSION"));
    QCOMPARE(problem.node, node);
    QCOMPARE(problem.path, QStringLiteral("outputs.x"));
    QCOMPARE(problem.severity, EditorProblem::Severity::Error);
    QCOMPARE(problem.message,
             QStringLiteral("The expression “$.trigger.name” at outputs.x in the configuration of "
                            "node “transform-1” cannot run: write a value, or read the node's "
                            "inputs with “$.inputs…”."));
    FlowNodeItem *item = m_editor->scene()->nodeItem(node);
    QVERIFY(item->problemBadge());
    QCOMPARE(item->problemBadge()->problems().errors, 1);
    // The server's copy of the problem (a refused save) reads the same way.
    QCOMPARE(describeFlowProblem(problem.details),
             QStringLiteral("Node “transform-1”: the expression “$.trigger.name” at outputs.x "
                            "cannot run; it must be a value or read the node's inputs with "
                            "“$.inputs…”."));

    // Activating it selects the node and opens its configuration.
    QTreeView *list = find<QTreeView>(QStringLiteral("editor.problems.list"));
    list->setFocus();
    list->setCurrentIndex(panel->model()->index(0, 0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(inspector()->currentNode(), node);
    QCOMPARE(currentTab(), QStringLiteral("inspector.config"));

    // Reading the node's inputs instead runs: the problem and badge go.
    QVERIFY(m_model
                ->setNodeConfig(node, QJsonObject{{"outputs", QJsonObject{{"x", "$.inputs.name"},
                                                                          {"y", "$.inputs.y"}}}})
                .ok());
    QTRY_COMPARE(panel->count(), 0);
    QVERIFY(!item->problemBadge());
}

void TestInspector::serverDetailsMapOntoNodes()
{
    // A real server; its components are the built-ins only, so it does not
    // know image-download, which the editor's catalogue has.
    QTemporaryDir dir;
    std::unique_ptr<hm::test::ServerProcess> server;
    std::unique_ptr<hm::test::Http> http;
    QString token;
    const QString failed = hm::test::startWithAdmin(dir, server, http, token);
    if (!failed.isEmpty())
        QFAIL(qPrintable(failed));

    // fetch (unknown to the server), a delay whose config breaks its schema
    // and a log that reads fetch without running after it.
    const QString fetch = addNode(QStringLiteral("image-download"));
    QVERIFY(
        m_model->setInputMapping(fetch, QStringLiteral("url"), QStringLiteral("$.trigger.u")).ok());
    const QString wait = addNode(QStringLiteral("delay"), {300, 0});
    QVERIFY(m_model->setNodeConfig(wait, {{"ms", -5}}).ok());
    const QString log = addNode(QStringLiteral("log"), {600, 0});
    QVERIFY(m_model
                ->setInputMapping(log, QStringLiteral("what"),
                                  QStringLiteral("$.nodes.image-download-1.output.image"))
                .ok());
    settle();
    const int local = m_editor->problemsPanel()->count();
    QCOMPARE(local, 2); // the delay's config and the log's mapping

    const hm::test::Answer answer =
        http->json("POST", QStringLiteral("/api/v1/flows"),
                   {{"name", "inspector"}, {"definition", m_model->definition()}}, token);
    // Stored as a draft with its problems, listed as an error lists them.
    QCOMPARE(answer.status, 201);
    const QJsonObject details{
        {QStringLiteral("problems"), answer.data().value(QStringLiteral("problems")).toArray()}};
    QVERIFY(!details.value(QStringLiteral("problems")).toArray().isEmpty());

    m_editor->problemsDock()->hide();
    m_editor->showServerProblems(details);
    QVERIFY(m_editor->problemsDock()->isVisible());
    // The server's own finding is added, on its node; what both found is
    // listed once.
    ProblemsPanel *panel = m_editor->problemsPanel();
    QCOMPARE(panel->count(), local + 1);
    const EditorProblem unknown = panel->model()->problem(panel->count() - 1);
    QCOMPARE(unknown.code, QStringLiteral("UNKNOWN_COMPONENT"));
    QCOMPARE(unknown.origin, EditorProblem::Origin::Server);
    QCOMPARE(unknown.node, fetch);
    QCOMPARE(unknown.message, QStringLiteral("Node “image-download-1” uses the component "
                                             "image-download, which the server does not know."));
    QCOMPARE(panel->model()
                 ->data(panel->model()->index(panel->count() - 1, ProblemsModel::SourceColumn))
                 .toString(),
             QStringLiteral("Server"));
    QCOMPARE(m_editor->scene()->nodeItem(fetch)->problemBadge()->problems().errors, 1);
    // The delay's config problem in the user's words, from either side.
    bool configListed = false;
    for (const EditorProblem &p : m_editor->checker()->problems()) {
        if (p.node == wait && p.code == QLatin1String("INVALID_CONFIG"))
            configListed = p.message == QStringLiteral("The configuration of node “delay-1” is "
                                                       "not valid at config.ms: Enter a value of "
                                                       "at least 0.");
    }
    QVERIFY(configListed);
    // The server's problems as ProblemText reads them directly too (the
    // save's whole answer as well as the list).
    QCOMPARE(ProblemText::fromDetails(answer.body, EditorProblem::Origin::Server).size(),
             details.value(QStringLiteral("problems")).toArray().size());

    // Activating the server's problem selects its node.
    QTreeView *list = find<QTreeView>(QStringLiteral("editor.problems.list"));
    list->setFocus();
    list->setCurrentIndex(panel->model()->index(panel->count() - 1, 0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(m_editor->scene()->selectedNodeIds(), QStringList{fetch});

    // The next edit drops what the server said about the saved version.
    QVERIFY(m_model->setNodeConfig(wait, {{"ms", 5}}).ok());
    QTRY_COMPARE(panel->count(), 1);
    QVERIFY(!m_editor->scene()->nodeItem(fetch)->problemBadge());
}

void TestInspector::retranslatesLive()
{
    load(inspectortest::kChainFlow);
    select(QStringLiteral("resize"));
    m_model->setInputMapping(QStringLiteral("resize"), QStringLiteral("width"), QStringLiteral("x"))
        .ok();
    settle();
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QApplication::processEvents();
    QCOMPARE(tabs()->tabText(InspectorWidget::ConfigTab), QStringLiteral("組態"));
    QCOMPARE(find<QLineEdit>(QStringLiteral("config.quality"))->placeholderText(),
             QStringLiteral("預設：85"));
    QVERIFY(m_editor->problemsDock()->windowTitle().startsWith(QStringLiteral("問題")));
    const QString message = m_editor->problemsPanel()->model()->problem(0).message;
    QVERIFY2(message.contains(QStringLiteral("節點")), qPrintable(message));
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QApplication::processEvents();
    QCOMPARE(tabs()->tabText(InspectorWidget::ConfigTab), QStringLiteral("Config"));
}

// The built-ins' schemas name fields as their JSON does ("ms"); the form
// labels them in the user's language and explains them, and follows a
// switch. A registered component's own texts are left as they are.
void TestInspector::builtinFieldsAreLabelledInTheLanguage()
{
    const QString delay = addNode(QStringLiteral("delay"));
    select(delay);
    const auto caption = [this](const char *name) {
        const QLabel *label = find<QLabel>(QLatin1String(name));
        return label ? label->text() : QString();
    };
    QCOMPARE(caption("config.ms.caption"), QStringLiteral("Delay (milliseconds)"));
    QVERIFY(find<QWidget>(QStringLiteral("config.ms"))
                ->toolTip()
                .startsWith(QStringLiteral("How long the node waits")));
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QApplication::processEvents();
    QCOMPARE(caption("config.ms.caption"), QStringLiteral("延遲（毫秒）"));
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QApplication::processEvents();
    QCOMPARE(caption("config.ms.caption"), QStringLiteral("延迟（毫秒）"));
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QApplication::processEvents();
    QCOMPARE(caption("config.ms.caption"), QStringLiteral("Delay (milliseconds)"));
    // The config itself is untouched: labels live in the form only.
    QCOMPARE(config(delay), QJsonObject());

    const QString resize = addNode(QStringLiteral("image-resize"));
    select(resize);
    QCOMPARE(caption("config.quality.caption"), QStringLiteral("quality *"));
}

void TestInspector::screenshots()
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
        m_editor->resize(1500, 940);
        load(inspectortest::kChainFlow);
        // Some problems to show: a type mismatch and a config value out of range.
        QVERIFY(m_model
                    ->setInputMapping(QStringLiteral("resize"), QStringLiteral("width"),
                                      QStringLiteral("$.nodes.fetch.output.contentType"))
                    .ok());
        QVERIFY(
            m_model->setNodeConfig(QStringLiteral("other"), {{"quality", 120}, {"format", "jpeg"}})
                .ok());
        QVERIFY(m_model
                    ->setInputMapping(QStringLiteral("store"), QStringLiteral("summary"),
                                      QStringLiteral("$.nodes.other.output.metadata"))
                    .ok());
        m_editor->action(QStringLiteral("autoLayout"))->trigger();
        QTRY_VERIFY(!m_editor->isLayingOut());
        settle();

        // A node with a real schema, some fields filled, one value refused.
        select(QStringLiteral("resize"));
        QVERIFY(m_model
                    ->setNodeConfig(QStringLiteral("resize"),
                                    {{"quality", 85},
                                     {"format", "png"},
                                     {"callbackUrl", "https://hooks.example.com/resized"},
                                     {"watermark", QJsonObject{{"text", "HiveMind"}}},
                                     {"sizes", QJsonArray{640, 1280}}})
                    .ok());
        retype(find<QLineEdit>(QStringLiteral("config.scale")), QStringLiteral("12"));
        QApplication::processEvents();
        const QString prefix = dir + QLatin1Char('/');
        QVERIFY(inspector()->grab().save(prefix + QStringLiteral("inspector-config-") + language +
                                         suffix + QStringLiteral(".png")));
        tabs()->setCurrentIndex(InspectorWidget::InputsTab);
        QApplication::processEvents();
        QVERIFY(inspector()->grab().save(prefix + QStringLiteral("inspector-inputs-") + language +
                                         suffix + QStringLiteral(".png")));

        // The flow's settings.
        QVERIFY(m_model->setSettings(inspectortest::json(inspectortest::kEditedSettings)).ok());
        select(QString());
        QApplication::processEvents();
        QVERIFY(inspector()->grab().save(prefix + QStringLiteral("inspector-settings-") + language +
                                         suffix + QStringLiteral(".png")));

        // The whole editor with the problems dock and the badges.
        select(QStringLiteral("resize"));
        tabs()->setCurrentIndex(InspectorWidget::InputsTab);
        m_editor->action(QStringLiteral("fit"))->trigger();
        settle();
        QVERIFY(m_editor->grab().save(prefix + QStringLiteral("flow-editor-problems-") + language +
                                      suffix + QStringLiteral(".png")));
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));

    // The dark theme: message colours follow the palette.
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
    m_editor->setPalette(dark);
    m_editor->resize(1500, 940);
    load(inspectortest::kChainFlow);
    QVERIFY(m_model
                ->setInputMapping(QStringLiteral("resize"), QStringLiteral("width"),
                                  QStringLiteral("$.nodes.fetch.output.contentType"))
                .ok());
    select(QStringLiteral("resize"));
    retype(find<QLineEdit>(QStringLiteral("config.quality")), QStringLiteral("120"));
    settle();
    QVERIFY(m_editor->grab().save(dir + QStringLiteral("/flow-editor-problems-en-dark") + suffix +
                                  QStringLiteral(".png")));
}

QTEST_MAIN(TestInspector)
#include "TestInspector.moc"
