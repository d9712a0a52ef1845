// Console cold start to the first painted main window (issue 11,
// Benchmarks): the real `hivemind` binary started as a child process,
// offscreen, with HIVEMIND_REPORT_FIRST_PAINT=1 (app/main.cpp prints
// "hivemind: first paint <monotonic ms>" once the main window's first paint
// pass is done). The figure is that moment minus the moment just before
// the process was started, on the same CLOCK_MONOTONIC. The console starts
// its local server as it does for a user (data directory prepared by one
// warm-up run that is not counted: the first start of a data directory
// creates the database and the administrator).
//
//   build/ci/bin/BenchConsoleStart [--runs N]

#include "ConsoleBench.h"

#include <QProcess>
#include <QRegularExpression>

using namespace hm::bench;

namespace {

// Milliseconds from start to the first paint, or -1; `cpuMs`: the CPU time
// the console had used by then.
double startOnce(const QString &dataDir, const QString &configDir, bool verbose,
                 double *cpuMs = nullptr, double *uiMs = nullptr)
{
    QProcess process;
    process.setProgram(binaryPath("hivemind"));
    process.setArguments({QStringLiteral("--data-dir"), dataDir, QStringLiteral("--no-keychain"),
                          QStringLiteral("--lang"), QStringLiteral("en")});
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HIVEMIND_REPORT_FIRST_PAINT"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir);
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=false"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);

    QElapsedTimer clock;
    clock.start();
    const qint64 startMs = clock.msecsSinceReference();
    process.start();
    static const QRegularExpression marker(
        QStringLiteral("hivemind: first paint (\\d+) cpu (\\d+) ui (\\d+)"));
    QByteArray out;
    double took = -1;
    while (clock.elapsed() < 60000) {
        if (!process.waitForReadyRead(1000) && process.state() == QProcess::NotRunning)
            break;
        out += process.readAllStandardOutput();
        const auto match = marker.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            took = double(match.captured(1).toLongLong() - startMs);
            if (cpuMs)
                *cpuMs = match.captured(2).toDouble();
            if (uiMs)
                *uiMs = match.captured(3).toDouble();
            break;
        }
    }
    if (took < 0 || verbose)
        std::fprintf(stderr, "%s\n%s\n", out.constData(),
                     process.readAllStandardError().constData());
    process.terminate();
    if (!process.waitForFinished(15000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    return took;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qsizetype at = app.arguments().indexOf(QStringLiteral("--runs"));
    const int runs = at >= 0 ? app.arguments().value(at + 1).toInt() : 7;

    QTemporaryDir dir;
    const QString dataDir = dir.path() + QStringLiteral("/data");
    const QString configDir = dir.path() + QStringLiteral("/config");
    const double warmUp = startOnce(dataDir, configDir, false);
    if (warmUp < 0)
        return 1;
    std::printf("warm-up start (creates the data directory, not counted): %.0f ms\n", warmUp);
    std::vector<double> starts;
    std::vector<double> cpus;
    std::vector<double> uis;
    for (int run = 0; run < runs; ++run) {
        double cpu = 0;
        double ui = 0;
        const double took = startOnce(dataDir, configDir, false, &cpu, &ui);
        if (took < 0)
            return 1;
        std::printf("  run %d: %.0f ms (CPU %.0f ms, UI thread %.0f ms) [load %s]\n", run + 1, took,
                    cpu, ui, qPrintable(loadAverage()));
        starts.push_back(took);
        cpus.push_back(cpu);
        uis.push_back(ui);
    }
    const double worst = maximum(starts);
    report("console cold start to the first painted main window",
           QStringLiteral("%1 runs, median %2, max %3; CPU time used by then (all threads) "
                          "median %4, of which the UI thread %5")
               .arg(starts.size())
               .arg(ms(percentile(starts, 50)), ms(worst), ms(percentile(cpus, 50)),
                    ms(percentile(uis, 50))),
           QStringLiteral("< 1.0 s"), worst < 1000);
    return 0;
}
