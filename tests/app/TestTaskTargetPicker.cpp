// The task node's target picker in the flow editor's inspector (issue 38
// item 8): one node or the nodes with a label, picked by name, with how
// many nodes match now — an unmatched label or "one" matching several is
// said before the flow runs. Driven by key events on a fixed fleet; the
// inspector shows it for task nodes only and writes config.target.
// With HIVEMIND_SCREENSHOT_DIR set, also saves it in en, zh_TW and zh_CN.

#include "flowgraph/ComponentCatalogue.h"
#include "flowgraph/FlowGraphModel.h"
#include "inspector/FlowChecker.h"
#include "inspector/InspectorWidget.h"
#include "inspector/TaskTargetPicker.h"
#include "shell/LanguageManager.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace hm;
using namespace hm::app;

namespace {

QList<TaskTargetPicker::FleetNode> fleet()
{
    return {{QStringLiteral("n1"), QStringLiteral("batch-1"), {QStringLiteral("batch")}, true},
            {QStringLiteral("n2"), QStringLiteral("batch-2"), {QStringLiteral("batch")}, false},
            {QStringLiteral("n3"), QStringLiteral("web-1"), {QStringLiteral("web")}, true}};
}

template <typename T> T *child(QWidget *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}

void choose(QComboBox *box, int index)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Home);
    for (int i = 0; i < index; ++i)
        QTest::keyClick(box, Qt::Key_Down);
}

} // namespace

class TestTaskTargetPicker : public QObject
{
    Q_OBJECT

    std::unique_ptr<LanguageManager> m_languages;

private slots:
    void initTestCase()
    {
        m_languages = std::make_unique<LanguageManager>();
        QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    }

    void countsWhatALabelMatches()
    {
        TaskTargetPicker picker;
        picker.setNodes(fleet());
        QJsonObject edited;
        connect(&picker, &TaskTargetPicker::targetEdited, this,
                [&edited](const QJsonObject &t) { edited = t; });
        picker.setTarget({{"label", "batch"}, {"mode", "all"}});
        picker.show();
        QVERIFY(QTest::qWaitForWindowExposed(&picker));
        QCOMPARE(picker.matchesText(), QStringLiteral("Nodes matching now: 2, online: 1."));

        // "One" with two matches is said at once.
        choose(child<QComboBox>(&picker, "taskTarget.mode"), 0);
        QCOMPARE(edited, (QJsonObject{{"label", "batch"}, {"mode", "one"}}));
        QVERIFY2(picker.matchesText().contains(QStringLiteral("needs exactly one")),
                 qPrintable(picker.matchesText()));

        // A label nothing has: the task would fail.
        QLineEdit *label = child<QComboBox>(&picker, "taskTarget.label")->lineEdit();
        label->setFocus();
        label->selectAll();
        QTest::keyClicks(label, QStringLiteral("nowhere"));
        QTest::keyClick(label, Qt::Key_Return);
        QCOMPARE(edited.value("label").toString(), QStringLiteral("nowhere"));
        QVERIFY2(picker.matchesText().contains(QStringLiteral("would fail")),
                 qPrintable(picker.matchesText()));

        // An empty label is never "every node".
        label->selectAll();
        QTest::keyClick(label, Qt::Key_Backspace);
        QTest::keyClick(label, Qt::Key_Return);
        QCOMPARE(edited, QJsonObject{});
        QVERIFY(picker.matchesText().contains(QStringLiteral("never runs on every node")));
    }

    void picksOneNodeByName()
    {
        TaskTargetPicker picker;
        picker.setNodes(fleet());
        QJsonObject edited;
        connect(&picker, &TaskTargetPicker::targetEdited, this,
                [&edited](const QJsonObject &t) { edited = t; });
        picker.setTarget({{"node_id", "n3"}});
        picker.show();
        QVERIFY(QTest::qWaitForWindowExposed(&picker));
        QComboBox *node = child<QComboBox>(&picker, "taskTarget.node");
        QCOMPARE(node->currentText(), QStringLiteral("web-1"));
        QVERIFY(!child<QComboBox>(&picker, "taskTarget.label")->isVisible());
        choose(node, 1);
        QCOMPARE(edited, (QJsonObject{{"node_id", "n2"}}));
        QCOMPARE(node->currentText(), QStringLiteral("batch-2 (offline)"));
        QCOMPARE(picker.matchesText(), QStringLiteral("The node is offline now."));

        // To a label: the label's fields replace the node's.
        choose(child<QComboBox>(&picker, "taskTarget.kind"), 1);
        QVERIFY2(child<QComboBox>(&picker, "taskTarget.label")->isVisible(),
                 qPrintable(QStringLiteral("kind %1, target %2")
                                .arg(child<QComboBox>(&picker, "taskTarget.kind")->currentIndex())
                                .arg(QString::fromUtf8(QJsonDocument(edited).toJson(QJsonDocument::Compact)))));
        QVERIFY(!node->isVisible());
    }

    void theInspectorShowsItForTaskNodes()
    {
        FlowGraphModel model;
        FlowChecker checker(&model);
        InspectorWidget inspector(&model, &checker);
        int asked = 0;
        inspector.setFleetSource([&asked](std::function<void(QList<QJsonObject>)> done) {
            ++asked;
            QList<QJsonObject> nodes;
            for (const TaskTargetPicker::FleetNode &n : fleet())
                nodes.append({{"id", n.id},
                              {"name", n.name},
                              {"labels", QJsonArray::fromStringList(n.labels)},
                              {"online", n.online}});
            done(nodes);
        });
        QJsonObject definition{
            {"schemaVersion", 1},
            {"nodes",
             QJsonArray{QJsonObject{{"id", "run"},
                                    {"component", "task"},
                                    {"version", "1.0.0"},
                                    {"position", QJsonObject{{"x", 0}, {"y", 0}}},
                                    {"config", QJsonObject{{"target", QJsonObject{{"label", "batch"},
                                                                                 {"mode", "all"}}},
                                                           {"argv", QJsonArray{"/bin/echo", "hi"}}}},
                                    {"inputMappings", QJsonObject{}}}}},
            {"edges", QJsonArray{}}};
        QVERIFY(model.load(definition).ok());
        inspector.resize(420, 640);
        inspector.show();
        inspector.setSelection({QStringLiteral("run")});
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        TaskTargetPicker *picker = inspector.taskTargetPicker();
        QVERIFY(picker->isVisible());
        QVERIFY(asked >= 1);
        QCOMPARE(picker->matchesText(), QStringLiteral("Nodes matching now: 2, online: 1."));
        choose(child<QComboBox>(picker, "taskTarget.mode"), 1);
        QCOMPARE(model.node(QStringLiteral("run"))->config.value("target").toObject(),
                 (QJsonObject{{"label", "batch"}, {"mode", "any"}}));
        // The rest of the config stays.
        QCOMPARE(model.node(QStringLiteral("run"))->config.value("argv").toArray().size(), 2);
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return; // only when asked for (docs/screenshots)
        QVERIFY(QDir().mkpath(dir));
        for (const QString &language :
             {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
            QVERIFY(m_languages->setLanguage(language, LanguageManager::Persist::No));
            TaskTargetPicker picker;
            picker.resize(380, 170);
            picker.setNodes(fleet());
            picker.setTarget({{"label", "batch"}, {"mode", "all"}});
            picker.show();
            QVERIFY(QTest::qWaitForWindowExposed(&picker));
            QApplication::processEvents();
            QVERIFY(picker.grab().save(dir + QStringLiteral("/task-target-picker-") + language
                                       + QStringLiteral(".png")));
        }
        QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    }
};

QTEST_MAIN(TestTaskTargetPicker)
#include "TestTaskTargetPicker.moc"
