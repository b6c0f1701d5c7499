package org.switchboard.platform.config;

/** A setting that stops startup; the message names the setting, its environment variable and the fault. */
public class InvalidSettingException extends RuntimeException {

    private final String key;

    public InvalidSettingException(String key, String problem) {
        super("Setting " + SwitchboardSettings.environmentName(key) + " (" + key + ") is wrong: " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
