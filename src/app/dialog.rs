//! The export dialog: pick a format, edit the path, confirm an overwrite.

use super::{Action, App, Effect, ExportStep, Overlay};
use crate::export::Format;

/// Keys while the export dialog is open.
pub(super) fn dialog(app: &mut App, step: ExportStep, action: Action) {
    let next = match (step, action) {
        (_, Action::Quit) => {
            app.should_quit = true;
            return;
        }
        (_, Action::Back) => None,
        (ExportStep::Format(i), Action::MoveDown) => {
            Some(ExportStep::Format((i + 1).min(Format::ALL.len() - 1)))
        }
        (ExportStep::Format(i), Action::MoveUp) => Some(ExportStep::Format(i.saturating_sub(1))),
        (ExportStep::Format(i), Action::Confirm) => {
            let format = Format::ALL[i];
            Some(ExportStep::Path {
                format,
                path: format!("studyterm-export.{}", format.extension()),
            })
        }
        (ExportStep::Path { format, mut path }, Action::DialogInput(c)) => {
            path.push(c);
            Some(ExportStep::Path { format, path })
        }
        (ExportStep::Path { format, mut path }, Action::DialogBackspace) => {
            path.pop();
            Some(ExportStep::Path { format, path })
        }
        (ExportStep::Path { format, path }, Action::Confirm) if !path.trim().is_empty() => {
            if std::path::Path::new(path.trim()).exists() {
                Some(ExportStep::Overwrite { format, path })
            } else {
                app.effects.push(Effect::Export {
                    format,
                    path: path.trim().to_string(),
                });
                None
            }
        }
        (
            ExportStep::Overwrite { format, path },
            Action::DialogInput('y' | 'Y') | Action::Confirm,
        ) => {
            app.effects.push(Effect::Export {
                format,
                path: path.trim().to_string(),
            });
            None
        }
        (ExportStep::Overwrite { format, path }, Action::DialogInput(_)) => {
            Some(ExportStep::Path { format, path })
        }
        (step, _) => Some(step),
    };
    app.overlay = next.map_or(Overlay::None, Overlay::Export);
}
