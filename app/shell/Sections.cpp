#include "shell/Sections.h"

#include <QCoreApplication>

namespace hm::app {

namespace {

QList<SectionEntry> &table()
{
    static QList<SectionEntry> rows = builtInSections();
    return rows;
}

} // namespace

QString Section::translatedTitle() const
{
    return QCoreApplication::translate("Sections", title);
}

QString Section::translatedDescription() const
{
    return QCoreApplication::translate("Sections", description);
}

const QList<SectionEntry> &sectionTable()
{
    return table();
}

bool registerSection(SectionEntry entry, int position)
{
    if (entry.section.id.isEmpty() || !entry.factory || findSection(entry.section.id))
        return false;
    QList<SectionEntry> &rows = table();
    if (position < 0 || position > rows.size())
        position = int(rows.size());
    rows.insert(position, std::move(entry));
    return true;
}

bool unregisterSection(const QString &id)
{
    QList<SectionEntry> &rows = table();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i).section.id == id) {
            rows.removeAt(i);
            return true;
        }
    }
    return false;
}

QList<Section> sections()
{
    QList<Section> all;
    for (const SectionEntry &entry : table())
        all.append(entry.section);
    return all;
}

const Section *findSection(const QString &id)
{
    for (const SectionEntry &entry : table()) {
        if (entry.section.id == id)
            return &entry.section;
    }
    return nullptr;
}

} // namespace hm::app
