// The executor registry as the server uses it: components added and
// disabled at run time while other threads read it (see ExecutorRegistry.h).

#include "engine/ExecutorRegistry.h"

#include <QtTest>
#include <atomic>
#include <thread>

using namespace hm;
using namespace hm::engine;

namespace {

class NullExecutor final : public NodeExecutor
{
public:
    std::unique_ptr<NodeRun> start(const NodeTask &, NodeDone done) override
    {
        done(NodeOutcome::completed({}));
        return nullptr;
    }
};

flow::ComponentInterface iface(const QString &name, const QString &version)
{
    flow::ComponentInterface i;
    i.name = name;
    i.version = version;
    i.outputs.append(flow::PortDef{QStringLiteral("out"), flow::PortType::Any, false, {}, {}});
    return i;
}

} // namespace

class TestExecutorRegistry : public QObject
{
    Q_OBJECT
private slots:
    void replacedEntriesStayAlive()
    {
        ExecutorRegistry registry;
        auto first = std::make_shared<NullExecutor>();
        std::weak_ptr<NullExecutor> watch = first;
        registry.add(iface(QStringLiteral("c"), QStringLiteral("1.0.0")), first);
        const flow::ComponentInterface *oldIface =
            registry.find(QStringLiteral("c"), QStringLiteral("1.0.0"));
        NodeExecutor *oldExecutor = registry.executor(QStringLiteral("c"), QStringLiteral("1.0.0"));
        QCOMPARE(oldExecutor, first.get());
        first.reset();

        registry.add(iface(QStringLiteral("c"), QStringLiteral("1.0.0")),
                     std::make_shared<NullExecutor>());
        // A plan holding the old pointer may still use it.
        QVERIFY(!watch.expired());
        QCOMPARE(oldIface->name, QStringLiteral("c"));
        QVERIFY(registry.executor(QStringLiteral("c"), QStringLiteral("1.0.0")) != oldExecutor);
        QCOMPARE(registry.size(), 1);
    }

    void disabledIsHiddenFromTheCatalogueOnly()
    {
        ExecutorRegistry registry;
        registry.add(iface(QStringLiteral("c"), QStringLiteral("1.0.0")),
                     std::make_shared<NullExecutor>());
        registry.add(iface(QStringLiteral("c"), QStringLiteral("2.0.0")),
                     std::make_shared<NullExecutor>());
        QVERIFY(registry.setEnabled(QStringLiteral("c"), QStringLiteral("1.0.0"), false));
        QVERIFY(!registry.setEnabled(QStringLiteral("c"), QStringLiteral("9.9.9"), false));
        QCOMPARE(registry.find(QStringLiteral("c"), QStringLiteral("1.0.0")), nullptr);
        QCOMPARE(registry.versions(QStringLiteral("c")), QStringList{QStringLiteral("2.0.0")});
        QCOMPARE(registry.size(), 1);
        QCOMPARE(registry.interfaces().size(), 1);
        // Executions planned before keep running it.
        QVERIFY(registry.executor(QStringLiteral("c"), QStringLiteral("1.0.0")) != nullptr);

        // Registering the version again shows it again.
        registry.add(iface(QStringLiteral("c"), QStringLiteral("1.0.0")),
                     std::make_shared<NullExecutor>());
        QVERIFY(registry.find(QStringLiteral("c"), QStringLiteral("1.0.0")) != nullptr);
        QCOMPARE(registry.versions(QStringLiteral("c")).size(), 2);
    }

    // Readers on one thread while another adds and disables: every reader
    // sees either nothing or a complete entry.
    void concurrentReadersAndWriter()
    {
        ExecutorRegistry registry;
        constexpr int kEntries = 2000;
        std::atomic<bool> done{false};
        std::atomic<int> incomplete{0};
        std::thread reader([&] {
            while (!done.load()) {
                for (int i = 0; i < kEntries; i += 97) {
                    const QString name = QStringLiteral("c%1").arg(i);
                    const flow::ComponentInterface *found =
                        registry.find(name, QStringLiteral("1.0.0"));
                    if (found && (found->name != name || found->outputs.size() != 1))
                        ++incomplete;
                    (void)registry.versions(name);
                    (void)registry.executor(name, QStringLiteral("1.0.0"));
                }
                (void)registry.interfaces();
            }
        });
        for (int i = 0; i < kEntries; ++i) {
            const QString name = QStringLiteral("c%1").arg(i);
            registry.add(iface(name, QStringLiteral("1.0.0")), std::make_shared<NullExecutor>());
            if (i % 3 == 0)
                registry.setEnabled(name, QStringLiteral("1.0.0"), false);
        }
        done = true;
        reader.join();
        QCOMPARE(incomplete.load(), 0);
        QCOMPARE(registry.size(), kEntries - (kEntries + 2) / 3);
    }
};

QTEST_GUILESS_MAIN(TestExecutorRegistry)
#include "TestExecutorRegistry.moc"
