#pragma once

// Reading the Prometheus text format 0.0.4 in tests: the samples of an
// exposition as the scrapers see them (name, labels unescaped, value).

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

namespace hm::test {

struct PromSample
{
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

// Every sample line; comments and blank lines skipped. Label values are
// unescaped (\\, \", \n) as Prometheus reads them.
inline QList<PromSample> parsePromText(const QByteArray &text)
{
    QList<PromSample> samples;
    for (const QByteArray &raw : text.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        PromSample sample;
        qsizetype i = 0;
        while (i < line.size() && line[i] != '{' && line[i] != ' ')
            ++i;
        sample.name = QString::fromUtf8(line.first(i));
        if (i < line.size() && line[i] == '{') {
            ++i;
            while (i < line.size() && line[i] != '}') {
                const qsizetype eq = line.indexOf('=', i);
                const QString key = QString::fromUtf8(line.mid(i, eq - i));
                i = eq + 2; // past ="
                QByteArray value;
                while (i < line.size() && line[i] != '"') {
                    if (line[i] == '\\' && i + 1 < line.size()) {
                        ++i;
                        value += line[i] == 'n' ? '\n' : line[i];
                    } else {
                        value += line[i];
                    }
                    ++i;
                }
                sample.labels.insert(key, QString::fromUtf8(value));
                ++i; // past "
                if (i < line.size() && line[i] == ',')
                    ++i;
            }
            ++i; // past }
        }
        sample.value = line.mid(i).trimmed().split(' ').first().toDouble();
        samples.append(sample);
    }
    return samples;
}

inline QSet<QString> promSampleNames(const QByteArray &text)
{
    QSet<QString> names;
    for (const PromSample &sample : parsePromText(text))
        names.insert(sample.name);
    return names;
}

} // namespace hm::test
