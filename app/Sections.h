#pragma once

#include <QList>
#include <QString>

namespace hm::app {

// One entry of the console's navigation: a stable id (used for object names,
// settings and --section), and the untranslated texts, translated on use so
// that a language switch only has to ask again.
struct Section
{
    QString id;
    const char *title;       // context "Sections"
    const char *description; // context "Sections"
    QString iconPath;

    QString translatedTitle() const;
    QString translatedDescription() const;
};

// The sections in navigation order.
const QList<Section> &sections();
// The section with that id, or nullptr.
const Section *findSection(const QString &id);

} // namespace hm::app
