package org.switchboard.identity.boundary;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.switchboard.identity.control.ApiTokenService;
import org.switchboard.identity.control.ApiTokenService.ApiTokenView;
import org.switchboard.platform.i18n.Texts;

/** Settings → API tokens: create (the token is shown once), list, revoke. */
@Named
@ViewScoped
public class ApiTokensPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ApiTokenService tokens;

    @Inject
    SecurityContext security;

    @Inject
    Texts texts;

    private List<ApiTokenView> list;
    private String newName;
    private String issuedToken;

    @PostConstruct
    void load() {
        list = tokens.list();
    }

    public void create() {
        var issued = tokens.issue(newName, security.getCallerPrincipal().getName());
        issuedToken = issued.token();
        newName = null;
        load();
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, texts.get("tokens.created"), null));
    }

    public void revoke(long id) {
        tokens.revoke(id);
        issuedToken = null;
        load();
    }

    public List<ApiTokenView> getList() {
        return list;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getIssuedToken() {
        return issuedToken;
    }
}
