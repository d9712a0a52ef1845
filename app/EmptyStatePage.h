#pragma once

#include "Sections.h"

#include <QWidget>

class QLabel;

namespace hm::app {

class BalancedLabel;

// The page of a section whose feature this version does not have yet: its
// icon, its name, what will appear there, and plainly that it is not available.
class EmptyStatePage : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyStatePage(const Section &section, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Section m_section;
    QLabel *m_title = nullptr;
    BalancedLabel *m_description = nullptr;
    BalancedLabel *m_availability = nullptr;
};

// A round badge holding a section icon, shared by the empty states.
QLabel *createIconBadge(const QString &iconPath, int badgeSize, QWidget *parent);

} // namespace hm::app
