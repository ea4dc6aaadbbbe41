#include "ui/undo/UndoHistory.h"

#include "core/ErrorText.h"
#include "ui/DbWorker.h"
#include "ui/Session.h"

#include <QUndoCommand>

namespace crm {

// A step whose change already happened when it is pushed: the stack's first redo() is skipped.
class UndoJobCommand : public QUndoCommand
{
public:
    UndoJobCommand(UndoHistory &history, const QString &text, UndoHistory::Job undo, UndoHistory::Job redo)
        : QUndoCommand(text), m_history(history), m_undo(std::move(undo)), m_redo(std::move(redo))
    {
    }
    void undo() override { m_history.run(m_undo); }
    void redo() override
    {
        if (m_pushed)
            m_history.run(m_redo);
        m_pushed = true;
    }

private:
    UndoHistory &m_history;
    UndoHistory::Job m_undo, m_redo;
    bool m_pushed = false;
};

UndoHistory::UndoHistory(Session &session, QObject *parent) : QObject(parent), m_session(session)
{
    m_stack.setUndoLimit(100);
}

void UndoHistory::push(const QString &text, Job undo, Job redo)
{
    m_stack.push(new UndoJobCommand(*this, text, std::move(undo), std::move(redo)));
}

void UndoHistory::run(const Job &job)
{
    ++m_running;
    m_session.worker().run(this, job, [this](Status st) {
        --m_running;
        if (!st) {
            m_stack.clear();
            Q_EMIT failed(tr("Could not undo or redo: %1").arg(ErrorText::message(st.error())));
        }
        Q_EMIT finished(st.ok());
    });
}

} // namespace crm
