package org.switchboard.channels.chat.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.cdi.Param;
import org.switchboard.channels.chat.control.ChatBotPreview;
import org.switchboard.channels.chat.control.ChatChannelService;
import org.switchboard.channels.chat.control.ChatFlow;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;

/**
 * The chat channel's bot on the channel edit page: its steps in a table (what each says in English
 * and Finnish, its buttons one per line as {@code English | Suomi -> next step}, where it goes next),
 * an example to start from, saving (errors name the step) and a preview that runs the steps being
 * edited, unsaved, as a visitor would meet them.
 */
@Named
@ViewScoped
public class ChatBotPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ChatChannelService chat;

    @Inject
    transient Texts texts;

    @Inject
    @Param(name = "id")
    Long channelId;

    private boolean saved;
    private List<StepRow> steps = new ArrayList<>();
    private String previewLanguage = "en";
    private List<String> answers = new ArrayList<>();
    private String answer;
    private ChatBotPreview.Transcript transcript;
    private String previewProblem;

    @PostConstruct
    void init() {
        if (channelId != null && chat.get(channelId).isPresent()) {
            chat.bot(channelId).ifPresent(flow -> {
                saved = true;
                steps = StepRows.of(flow);
            });
        }
        preview();
    }

    public void addStep() {
        steps.add(new StepRow(StepRows.freeId(steps), ChatFlow.Kind.MESSAGE.name()));
        preview();
    }

    public void remove(int index) {
        steps.remove(index);
        preview();
    }

    public void moveUp(int index) {
        if (index > 0) {
            steps.add(index - 1, steps.remove(index));
        }
        preview();
    }

    public void example() {
        steps = StepRows.example();
        restart();
    }

    public void save() {
        try {
            chat.saveBot(channelId, StepRows.flow(steps));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            Pages.error(StepRows.explain(refused, steps, texts));
            return;
        }
        saved = true;
        Pages.info(texts.get("bot.saved"));
    }

    public void removeBot() {
        chat.removeBot(channelId);
        saved = false;
        steps = new ArrayList<>();
        restart();
        Pages.info(texts.get("bot.removed"));
    }

    /** The visitor in the preview picks a button or writes an answer. */
    public void answer(String given) {
        answers.add(given);
        answer = null;
        preview();
    }

    public void answerWritten() {
        if (answer != null && !answer.isBlank()) {
            answer(answer.strip());
        }
    }

    public void restart() {
        answers = new ArrayList<>();
        answer = null;
        preview();
    }

    /** Runs the steps as they are on the screen; a flow that cannot work shows why instead. */
    public void preview() {
        transcript = null;
        previewProblem = null;
        if (steps.isEmpty()) {
            return;
        }
        try {
            transcript = ChatBotPreview.run(StepRows.flow(steps).checked(), previewLanguage, answers);
        } catch (IllegalArgumentException refused) {
            previewProblem = StepRows.explain(refused, steps, texts);
        }
    }

    /** The buttons the preview's visitor can press now: those of the line the bot waits on. */
    public List<String> getChoices() {
        if (transcript == null || transcript.waitingAt() == null || transcript.lines().isEmpty()) {
            return List.of();
        }
        return transcript.lines().get(transcript.lines().size() - 1).buttons();
    }

    public boolean isWaiting() {
        return transcript != null && transcript.waitingAt() != null;
    }

    public List<String> getKinds() {
        return java.util.Arrays.stream(ChatFlow.Kind.values()).map(Enum::name).toList();
    }

    public List<String> getFields() {
        return java.util.Arrays.stream(ChatFlow.Field.values()).map(Enum::name).toList();
    }

    public boolean isSaved() { return saved; }
    public List<StepRow> getSteps() { return steps; }
    public String getPreviewLanguage() { return previewLanguage; }
    public void setPreviewLanguage(String previewLanguage) { this.previewLanguage = "fi".equals(previewLanguage) ? "fi" : "en"; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public ChatBotPreview.Transcript getTranscript() { return transcript; }
    public String getPreviewProblem() { return previewProblem; }
}
