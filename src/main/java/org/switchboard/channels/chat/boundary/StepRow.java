package org.switchboard.channels.chat.boundary;

import java.io.Serializable;

/** One bot step as the editor shows it; {@code choices} one button per line, {@code English | Suomi -> next step}. */
public class StepRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private String kind;
    private String textEn;
    private String textFi;
    private String choices;
    private String collect;
    private String next;

    public StepRow(String id, String kind) {
        this.id = id;
        this.kind = kind;
    }

    public boolean isAsks() {
        return "ASK".equals(kind);
    }

    public boolean isCollects() {
        return "COLLECT".equals(kind);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id == null ? null : id.strip(); }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getTextEn() { return textEn; }
    public void setTextEn(String textEn) { this.textEn = textEn; }
    public String getTextFi() { return textFi; }
    public void setTextFi(String textFi) { this.textFi = textFi; }
    public String getChoices() { return choices; }
    public void setChoices(String choices) { this.choices = choices; }
    public String getCollect() { return collect; }
    public void setCollect(String collect) { this.collect = collect; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
