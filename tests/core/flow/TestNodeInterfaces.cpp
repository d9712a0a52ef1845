// compile() with a component whose ports follow each node's config
// (ComponentCatalog::portsFollowConfig / nodeInterface), as the engine's
// "service" node uses: per-node mappings and edges, one question per
// distinct config, INVALID_CONFIG on an error, other components untouched.

#include "FlowFixtures.h"
#include "flow/FlowCompiler.h"

#include <QTest>

using namespace hm;
using namespace hm::flow;
using namespace hm::flow::fixtures;

namespace {

// The fixtures' catalogue plus "picked": its config {"port": name} names
// its one required input; {"port": ""} is an error.
class PerNodeCatalog final : public ComponentCatalog
{
public:
    PerNodeCatalog() : m_base(builtinCatalog())
    {
        m_base.add(component(R"({"name": "picked", "version": "1.0.0",
            "inputs": [], "outputs": [{"name": "out", "type": "any"}]})"));
    }
    mutable int questions = 0;

    const ComponentInterface *find(const QString &name, const QString &version) const override
    {
        return m_base.find(name, version);
    }
    QStringList versions(const QString &name) const override { return m_base.versions(name); }
    bool portsFollowConfig(const QString &name, const QString &) const override
    {
        return name == QLatin1String("picked");
    }
    Result<ComponentInterface> nodeInterface(const QString &name, const QString &version,
                                             const QJsonObject &config) const override
    {
        ++questions;
        const QString port = config.value(QStringLiteral("port")).toString();
        if (port.isEmpty())
            return Error{ErrorCode::EndpointNotFound, QStringLiteral("nothing to pick")};
        ComponentInterface iface = *find(name, version);
        iface.inputs.append(PortDef{port, PortType::Integer, true, std::nullopt, {}});
        return iface;
    }

private:
    InMemoryComponentCatalog m_base;
};

NodeDef picked(const QString &id, const QString &port, const QJsonObject &mappings)
{
    NodeDef node;
    node.id = id;
    node.component = QStringLiteral("picked");
    node.version = QStringLiteral("1.0.0");
    node.config = QJsonObject{{QStringLiteral("port"), port}};
    node.inputMappings = mappings;
    return node;
}

QString problems(const Result<CompiledFlowPtr> &r)
{
    return r.ok() ? QString() : QString::fromUtf8(QJsonDocument(r.error().details).toJson());
}

} // namespace

class TestNodeInterfaces : public QObject
{
    Q_OBJECT

private slots:
    void eachNodeGetsItsConfigsPorts()
    {
        PerNodeCatalog catalog;
        FlowDefinition def;
        def.nodes = {picked("a", "x", {{"x", 1}}), picked("b", "y", {{"y", 2}}),
                     picked("c", "x", {{"x", 3}})};
        const auto compiled = compile(def, FlowSettings{}, catalog);
        QVERIFY2(compiled.ok(), qPrintable(problems(compiled)));
        QVERIFY(compiled.value()->node(0).interface->input("x"));
        QVERIFY(!compiled.value()->node(0).interface->input("y"));
        QVERIFY(compiled.value()->node(1).interface->input("y"));
        // Nodes with equal configs share one answer.
        QCOMPARE(catalog.questions, 2);
        QCOMPARE(compiled.value()->node(0).interface, compiled.value()->node(2).interface);
    }

    void mappingsAreCheckedAgainstTheNodesPorts()
    {
        PerNodeCatalog catalog;
        FlowDefinition def;
        def.nodes = {picked("a", "x", {{"y", 1}}), picked("b", "y", {{"y", "text"}})};
        const auto compiled = compile(def, FlowSettings{}, catalog);
        const QString text = problems(compiled);
        QVERIFY(text.contains("UNKNOWN_INPUT"));
        QVERIFY(text.contains("MISSING_REQUIRED_INPUT"));
        QVERIFY(text.contains("MAPPING_TYPE_MISMATCH"));
    }

    void anErrorIsTheNodesInvalidConfig()
    {
        PerNodeCatalog catalog;
        FlowDefinition def;
        def.nodes = {picked("a", "", {{"anything", 1}})};
        const auto compiled = compile(def, FlowSettings{}, catalog);
        const QString text = problems(compiled);
        QVERIFY2(text.contains("INVALID_CONFIG"), qPrintable(text));
        QVERIFY(text.contains("nothing to pick"));
        // Checked against the catalogue's entry (no inputs: any accepted).
        QVERIFY(!text.contains("UNKNOWN_INPUT"));
    }

    void otherComponentsAreNotAsked()
    {
        PerNodeCatalog catalog;
        FlowDefinition def;
        NodeDef log;
        log.id = QStringLiteral("l");
        log.component = QStringLiteral("log");
        log.version = QStringLiteral("1.0.0");
        def.nodes = {log};
        const auto compiled = compile(def, FlowSettings{}, catalog);
        QVERIFY2(compiled.ok(), qPrintable(problems(compiled)));
        QCOMPARE(catalog.questions, 0);
    }
};

QTEST_GUILESS_MAIN(TestNodeInterfaces)
#include "TestNodeInterfaces.moc"
