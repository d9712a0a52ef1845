#include "common/LogFile.h"

#include <QFile>
#include <QFileInfo>

namespace hm::logging {

LogFile::LogFile(Options options) : m_options(std::move(options)) {}

LogFile::~LogFile()
{
    if (m_file)
        std::fclose(m_file);
}

QString LogFile::rotatedName(const QString &path, int index)
{
    return path + u'.' + QString::number(index);
}

QString LogFile::open()
{
    if (m_file)
        std::fclose(m_file);
    m_file = std::fopen(QFile::encodeName(m_options.path).constData(), "ab");
    if (!m_file)
        return QStringLiteral("cannot open the log file %1 for appending").arg(m_options.path);
    m_size = QFileInfo(m_options.path).size();
    return {};
}

void LogFile::rotate()
{
    std::fclose(m_file);
    m_file = nullptr;
    const QString &path = m_options.path;
    // The oldest goes first, so every rename below has a free target.
    QFile::remove(rotatedName(path, m_options.keep));
    for (int i = m_options.keep - 1; i >= 1; --i) {
        if (QFile::exists(rotatedName(path, i)))
            QFile::rename(rotatedName(path, i), rotatedName(path, i + 1));
    }
    if (m_options.keep > 0)
        QFile::rename(path, rotatedName(path, 1));
    else
        QFile::remove(path);
    m_file = std::fopen(QFile::encodeName(path).constData(), "wb");
    m_size = 0;
}

bool LogFile::write(const QByteArray &bytes)
{
    if (!m_file && !open().isEmpty())
        return false;
    bool ok = true;
    qsizetype from = 0;
    while (from < bytes.size()) {
        // As many whole lines as still fit; an empty file takes at least
        // one whatever its length, so a long line lands somewhere, whole.
        const qint64 room = m_options.maxBytes - m_size;
        qsizetype end = from;
        while (end < bytes.size()) {
            qsizetype next = bytes.indexOf('\n', end);
            next = next < 0 ? bytes.size() : next + 1;
            if (next - from > room && (end > from || m_size > 0))
                break;
            end = next;
        }
        if (end == from) {
            rotate();
            if (!m_file)
                return false;
            continue;
        }
        const size_t length = size_t(end - from);
        const size_t written = std::fwrite(bytes.constData() + from, 1, length, m_file);
        m_size += qint64(written);
        ok = ok && written == length;
        from = end;
    }
    std::fflush(m_file);
    return ok;
}

} // namespace hm::logging
