#pragma once

#include <QInputDialog>

class QLabel;

namespace hm::app {

// The server's limit on flow names (docs/api.md: 1 to 255 characters, seed
// 003's VARCHAR(255)).
inline constexpr int kMaxFlowNameLength = 255;

// A flow name as messages quote it: long names shortened with "…", so a
// message stays one readable line and never pushes the page's buttons
// away (issue 34, item 9). The full name is shown where there is room
// (the list's tooltip, the dialogs' fields).
QString quotedFlowName(const QString &name);

// The name dialog of New, Rename, Duplicate and Import
// ("flows.nameDialog", a QInputDialog for DialogSeam handlers): the field
// takes at most kMaxFlowNameLength characters, and OK on an empty name
// keeps the dialog open and says why ("flows.nameDialog.error") instead of
// closing as if cancelled (issue 34, item 12).
class FlowNameDialog final : public QInputDialog
{
    Q_OBJECT

public:
    FlowNameDialog(const QString &title, const QString &label, const QString &initial,
                   QWidget *parent = nullptr);

    // The name as typed, without surrounding spaces.
    QString name() const { return textValue().trimmed(); }
    QString errorText() const;

    void done(int result) override;

private:
    QLabel *m_error;
};

} // namespace hm::app
