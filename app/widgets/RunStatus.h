#pragma once

// Statuses of executions and of their nodes, drawn the same way everywhere
// (badges, the canvas, the Gantt timeline, lists): a colour, an icon and a
// word, so colour is never the only signal (console.md, "Status colours and
// icons").

#include <QColor>
#include <QString>
#include <QWidget>

class QPainter;
class QPalette;

namespace hm::app {

enum class RunStatus
{
    Unknown, // no execution data: the editor's look
    Pending,
    Queued,
    Running,
    Completed,
    Failed,
    Cancelling,
    Cancelled,
    Skipped,
};

// The server's words ("running", …); Unknown for anything else.
RunStatus runStatusFromName(const QString &name);
QString runStatusName(RunStatus status);
// "Running", … in the current language.
QString runStatusLabel(RunStatus status);
// Completed, failed, cancelled or skipped: nothing more will happen.
bool isFinalRunStatus(RunStatus status);

// The status's colour on a light (dark = false) or dark background, with
// at least WCAG AA contrast for text on the window colour of either theme.
QColor runStatusColour(RunStatus status, bool dark);
// Whether the palette's window is dark (the dark theme's colours apply).
bool isDarkPalette(const QPalette &palette);

// Draws the status's icon fitted into `rect`: hollow circle (pending), clock
// (queued), spinner (running; `phase` 0..1 turns it), check (completed),
// cross (failed), stop square (cancelling, cancelled), skip arrow
// (skipped). Vector paths only, crisp at any scale.
void paintRunStatusIcon(QPainter *painter, const QRectF &rect, RunStatus status,
                        const QColor &colour, qreal phase = 0.0);

// A badge: the icon and the word on a tinted rounded background, sized to
// its text in any language. Retranslates itself.
class RunStatusBadge : public QWidget
{
    Q_OBJECT

public:
    explicit RunStatusBadge(QWidget *parent = nullptr);

    void setStatus(RunStatus status);
    RunStatus status() const { return m_status; }
    QString text() const { return runStatusLabel(m_status); }
    // Turns a running badge's spinner (0..1).
    void setPhase(qreal phase);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    RunStatus m_status = RunStatus::Unknown;
    qreal m_phase = 0.0;
};

} // namespace hm::app
